package dev.bitsandlogits.press.build;

import dev.bitsandlogits.press.core.BuildConfig;
import dev.bitsandlogits.press.core.SiteOutput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Reproducible output")
class ReproducibleBuildIT {

    @TempDir
    Path dir;

    @Test
    @DisplayName("building the book again, in another JVM and without the cached snippet results, gives a byte-identical site/")
    void byteIdentical() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        BuildConfig standard = BuildConfig.standard(root);
        BuildConfig again = new BuildConfig(root, standard.docsDir(), standard.listingsDir(), standard.classesDir(),
                dir.resolve("site"), standard.themeDir());
        // Every snippet runs again: the results ./mvnw package left in target/site-cache/ are set aside meanwhile.
        Path cache = root.resolve("target/site-cache");
        Path aside = root.resolve("target/site-cache-aside-" + ProcessHandle.current().pid());
        if (Files.exists(cache)) {
            Files.move(cache, aside);
        }
        try {
            SharedBook.get().build(again);
        } finally {
            SiteOutput.delete(cache);
            if (Files.exists(aside)) {
                Files.move(aside, cache);
            }
        }
        Map<String, String> built = digests(standard.siteDir());
        Map<String, String> rebuilt = digests(again.siteDir());
        assertTrue(built.size() > 10, "the site of ./mvnw package is there: " + built.keySet());
        assertEquals(built.keySet(), rebuilt.keySet());
        built.forEach((file, digest) -> assertEquals(digest, rebuilt.get(file), file + " differs between builds"));
    }

    private static Map<String, String> digests(Path root) throws IOException {
        Map<String, String> digests = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                digests.put(root.relativize(p).toString(), HexFormat.of().formatHex(sha256().digest(Files.readAllBytes(p))));
            }
        }
        return digests;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
