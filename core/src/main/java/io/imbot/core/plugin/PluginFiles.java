package io.imbot.core.plugin;

import java.nio.file.Files;
import java.nio.file.Path;

/** Maps what PF4J calls a plugin's path to the file a user dropped into the plugins folder. */
final class PluginFiles {

    private PluginFiles() {}

    /** A jar is its own file; a zip plugin is unpacked by PF4J into a folder next to the zip. */
    static Path fileOf(Path pluginPath) {
        Path p = pluginPath.toAbsolutePath().normalize();
        if (Files.isDirectory(p)) {
            Path zip = p.resolveSibling(p.getFileName() + ".zip");
            if (Files.isRegularFile(zip)) {
                return zip;
            }
        }
        return p;
    }
}
