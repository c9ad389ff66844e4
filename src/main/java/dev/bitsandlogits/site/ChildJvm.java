package dev.bitsandlogits.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the snippet JVM and the KaTeX JVM have in common: how they are started. */
final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * The start of a command line for a small helper JVM of the same Java as this one: C1 only,
     * the serial collector, class-data sharing, no perf data, and a crash report (if it ever
     * crashes) in the temporary directory rather than in the reader's clone.
     */
    static List<String> java(String heap, String name) {
        return new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-XX:-UsePerfData",
                "-XX:ErrorFile=" + Path.of(System.getProperty("java.io.tmpdir"), "bitsandlogits-" + name + "-hs_err_%p.log")));
    }

    /**
     * A new temporary directory holding only {@code classes}, copied from this class's loader: a
     * class path on which nothing else of the project is found.
     */
    static Path classesAlone(String name, Class<?>... classes) {
        try {
            Path dir = Files.createTempDirectory("bitsandlogits-" + name);
            dir.toFile().deleteOnExit();
            for (Class<?> c : classes) {
                String resource = c.getName().replace('.', '/') + ".class";
                try (InputStream in = ChildJvm.class.getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IOException(resource + " is not on the class path");
                    }
                    Path file = dir.resolve(resource);
                    Files.createDirectories(file.getParent());
                    Files.write(file, in.readAllBytes());
                    file.toFile().deleteOnExit();
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
