package io.imbot.core.cli;

import io.imbot.core.config.ImbotConfig;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code imbot backup}: a consistent copy of the running daemon's database, taken while it keeps working. */
@Command(name = "backup", description = {"Have the running daemon write a consistent copy of its database (HSQLDB's online"
        + " BACKUP DATABASE) as a .tar.gz, while it keeps sending and receiving.",
        "To restore: stop the daemon, unpack the archive into the database's folder (data/), start it."})
final class BackupCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Option(names = "--to", paramLabel = "FOLDER", description = "Where to write the archive (default: data/backups in the imbot folder)."
            + " The daemon writes it: the folder must be writable by the daemon's user.")
    Path to;

    @Override
    public Integer call() throws Exception {
        ImbotConfig cfg = config.load();
        Path folder = (to != null ? to : cfg.home().resolve("data").resolve("backups")).toAbsolutePath().normalize();
        JsonObject answer = new AdminClient(cfg).post("/api/backup", new JsonObject().put("to", folder.toString()));
        System.out.println("backup written: " + answer.getString("archive"));
        return 0;
    }
}
