package dev.bitsandlogits.press.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the snippet JVM and the KaTeX JVM have in common: how they are started. */
public final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * The start of a command line for a small helper JVM of the same Java as this one: C1 only,
     * the serial collector, class-data sharing, no perf data, and a crash report (if it ever
     * crashes) in the temporary directory rather than in the reader's clone.
     */
    public static List<String> java(String heap, String name) {
        return new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-XX:-UsePerfData",
                "-XX:ErrorFile=" + Path.of(System.getProperty("java.io.tmpdir"), "bitsandlogits-" + name + "-hs_err_%p.log")));
    }

    /**
     * A directory under the temporary directory holding only {@code classes}, copied from this
     * class's loader: a class path on which nothing else of the project is found. Its name is a
     * hash of the classes' bytes, so every build with the same classes shares one directory
     * (nothing is left behind per run, even when a JVM is killed) and changed classes get another.
     */
    public static Path classesAlone(String name, Class<?>... classes) {
        try {
            java.util.Map<String, byte[]> files = new java.util.TreeMap<>();
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (Class<?> c : classes) {
                String resource = c.getName().replace('.', '/') + ".class";
                try (InputStream in = ChildJvm.class.getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IOException(resource + " is not on the class path");
                    }
                    byte[] bytes = in.readAllBytes();
                    files.put(resource, bytes);
                    sha.update(resource.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    sha.update(bytes);
                }
            }
            String hash = java.util.HexFormat.of().formatHex(sha.digest(), 0, 8);
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            Path dir = tmp.resolve("bitsandlogits-" + name + "-" + hash);
            if (files.keySet().stream().allMatch(f -> Files.isRegularFile(dir.resolve(f)))) {
                return dir;
            }
            if (Files.exists(dir)) { // partly cleaned away (tmp cleaners): start again
                try (var walk = Files.walk(dir)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            // Written beside it, then moved into place at once: a concurrent build sees all of it or none.
            Path fresh = Files.createTempDirectory(tmp, "bitsandlogits-" + name + "-" + hash + ".");
            for (var entry : files.entrySet()) {
                Path file = fresh.resolve(entry.getKey());
                Files.createDirectories(file.getParent());
                Files.write(file, entry.getValue());
            }
            try {
                Files.move(fresh, dir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException taken) {
                if (!Files.isDirectory(dir)) {
                    throw taken;
                }
                try (var walk = Files.walk(fresh)) { // another build got there first: use its copy
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            return dir;
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot copy the " + name + " JVM's classes: " + e, e);
        }
    }
}
