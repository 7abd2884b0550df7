package io.imbot.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Builds real PF4J plugin jars in a folder from compiled test classes: a manifest with the Plugin-*
 * entries, the class files, and the {@code META-INF/extensions.idx} that PF4J reads.
 */
public final class TestPlugins {

    private TestPlugins() {}

    /** Writes {@code <dir>/<id>.jar} holding {@code extensions} as the plugin's extensions, version 1.0.0. */
    public static Path jar(Path dir, String id, Class<?>... extensions) throws IOException {
        return jar(dir, id + ".jar", id, "1.0.0", extensions);
    }

    /** Writes {@code <dir>/<fileName>}: the plugin {@code id} in {@code version}. */
    public static Path jar(Path dir, String fileName, String id, String version, Class<?>... extensions) throws IOException {
        Files.createDirectories(dir);
        Path jar = dir.resolve(fileName);
        Manifest manifest = new Manifest();
        Attributes a = manifest.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Plugin-Id", id);
        a.putValue("Plugin-Version", version);
        a.putValue("Plugin-Description", "test plugin " + id);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            StringBuilder index = new StringBuilder();
            for (Class<?> c : extensions) {
                copyClass(out, c);
                index.append(c.getName()).append('\n');
            }
            out.putNextEntry(new JarEntry("META-INF/extensions.idx"));
            out.write(index.toString().getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    /**
     * Writes {@code <dir>/<id>.zip} in PF4J's zip layout: {@code classes/} with the manifest, the
     * class files and the extensions index (a zip plugin can also carry {@code lib/*.jar}).
     */
    public static Path zip(Path dir, String id, Class<?>... extensions) throws IOException {
        Files.createDirectories(dir);
        Path zip = dir.resolve(id + ".zip");
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("classes/META-INF/MANIFEST.MF"));
            out.write(("Manifest-Version: 1.0\nPlugin-Id: " + id + "\nPlugin-Version: 2.0.0\n\n").getBytes(StandardCharsets.UTF_8));
            StringBuilder index = new StringBuilder();
            for (Class<?> c : extensions) {
                String path = c.getName().replace('.', '/') + ".class";
                out.putNextEntry(new java.util.zip.ZipEntry("classes/" + path));
                try (InputStream in = c.getClassLoader().getResourceAsStream(path)) {
                    in.transferTo(out);
                }
                index.append(c.getName()).append('\n');
            }
            out.putNextEntry(new java.util.zip.ZipEntry("classes/META-INF/extensions.idx"));
            out.write(index.toString().getBytes(StandardCharsets.UTF_8));
        }
        return zip;
    }

    private static void copyClass(JarOutputStream out, Class<?> c) throws IOException {
        String path = c.getName().replace('.', '/') + ".class";
        try (InputStream in = c.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("class file not found: " + path);
            }
            out.putNextEntry(new JarEntry(path));
            in.transferTo(out);
            out.closeEntry();
        }
    }
}
