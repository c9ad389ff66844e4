package dev.bitsandlogits.press.snippets;

import dev.bitsandlogits.press.core.BuildConfig;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The on-disk snippet cache: its file format, its keys, and what it does with damaged files. */
@DisplayName("Snippet results on disk")
class SnippetStoreTest {

    @TempDir
    Path dir;

    private static final String KEY = SnippetCache.chain("start", "snippet", "a");
    private static final String OTHER = SnippetCache.chain("start", "snippet", "b");

    /** Every field kind: nulls, empty, non-ASCII, newlines, an output past writeUTF's 64 KB. */
    private static List<SnippetResult.Statement> statements() {
        return List.of(
                new SnippetResult.Statement("double bits = 2;", "bits", "2.0", "", null, null, null),
                new SnippetResult.Statement("System.out.println(\"熵 H(p)\\n\");", null, null, "熵 H(p)\n\n", null, null, null),
                new SnippetResult.Statement("Losses.crossEntropy(p, q)", null, null, "x".repeat(70_000),
                        "IllegalArgumentException", "p must sum to 1, was 0.9", null),
                new SnippetResult.Statement("int x = \"a\";", null, null, "", null, null, "incompatible types"));
    }

    @Test
    @DisplayName("gives back exactly the statements and values it was given, across store objects (a new build)")
    void roundTrip() {
        new SnippetStore(dir).putStatements(KEY, statements());
        new SnippetStore(dir).putValue(OTHER, new SnippetSession.Value("0.5", null));
        new SnippetStore(dir).putValue(KEY, new SnippetSession.Value(null, "cannot find symbol"));
        SnippetStore later = new SnippetStore(dir);
        assertEquals(statements(), later.statements(KEY));
        assertEquals(new SnippetSession.Value("0.5", null), later.value(OTHER));
        assertEquals(new SnippetSession.Value(null, "cannot find symbol"), later.value(KEY));
        assertNull(later.statements(OTHER), "statements and values are separate entries");
        assertNull(later.value(SnippetCache.chain(KEY, "value", "x")));
    }

    @Test
    @DisplayName("a file that is truncated, altered in any byte, empty, or holds another key's result is ignored")
    void damagedFilesAreIgnored() throws IOException {
        SnippetStore store = new SnippetStore(dir);
        store.putStatements(KEY, statements());
        Path file = store.file(KEY, "s");
        byte[] good = Files.readAllBytes(file);
        for (int cut : new int[] {0, 1, 40, good.length / 2, good.length - 1}) {
            Files.write(file, Arrays.copyOf(good, cut));
            assertNull(store.statements(KEY), "truncated to " + cut + " bytes");
        }
        for (int i = 0; i < good.length; i += 97) {
            byte[] bad = good.clone();
            bad[i] ^= 0x20;
            Files.write(file, bad);
            assertNull(store.statements(KEY), "byte " + i + " altered");
        }
        // A well-formed file moved to another key's name is not that key's result.
        store.putStatements(OTHER, List.of(statements().get(0)));
        Files.copy(store.file(OTHER, "s"), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertNull(store.statements(KEY));
        // A directory where the file should be, and a value file that holds statements.
        Files.delete(file);
        Files.createDirectories(file);
        assertNull(store.statements(KEY));
        Files.copy(store.file(OTHER, "s"), store.file(OTHER, "v"));
        assertNull(store.value(OTHER));
        // Rewriting repairs it.
        Files.delete(file);
        store.putStatements(KEY, statements());
        assertEquals(statements(), store.statements(KEY));
    }

    @Test
    @DisplayName("the frame is the magic line, kind and key, the body's length and the body, then their SHA-256")
    void frameLayout() {
        byte[] body = {1, 2, 3};
        byte[] framed = SnippetStore.frame(KEY, "s", body);
        String head = SnippetStore.MAGIC + "\ns " + KEY + "\n";
        assertEquals(head, new String(framed, 0, head.length(), java.nio.charset.StandardCharsets.US_ASCII));
        assertArrayEquals(new byte[] {0, 0, 0, 3, 1, 2, 3}, Arrays.copyOfRange(framed, head.length(), head.length() + 7));
        assertEquals(head.length() + 7 + 32, framed.length);
        assertArrayEquals(body, SnippetStore.unframe(KEY, "s", framed));
        assertNull(SnippetStore.unframe(KEY, "v", framed), "another kind");
        assertNull(SnippetStore.unframe(OTHER, "s", framed), "another key");
    }

    @Test
    @DisplayName("writes through a temporary file and leaves none behind; a key must be a SHA-256 in hex")
    void atomicWritesAndKeys() throws IOException {
        SnippetStore store = new SnippetStore(dir.resolve("v1"));
        store.putStatements(KEY, statements());
        store.putStatements(KEY, statements()); // replacing an existing file
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            assertEquals(List.of(store.file(KEY, "s")), all);
        }
        assertTrue(store.file(KEY, "s").startsWith(dir.resolve("v1").resolve(KEY.substring(0, 2))));
        assertThrows(IllegalArgumentException.class, () -> store.file("../../etc/passwd", "s"));
        assertThrows(IllegalArgumentException.class, () -> store.file(KEY.toUpperCase(), "s"));
    }

    @Test
    @DisplayName("a store of another version (JDK or builder classes) is removed when the first result of a new one is written")
    void otherVersionsArePruned() throws IOException {
        String v1 = SnippetCache.chain("v1");
        String v2 = SnippetCache.chain("v2");
        new SnippetStore(dir.resolve(v1)).putStatements(KEY, statements());
        Files.createDirectories(dir.resolve("not-a-version"));
        new SnippetStore(dir.resolve(v2)).putStatements(KEY, statements());
        assertFalse(Files.exists(dir.resolve(v1)));
        assertTrue(Files.exists(dir.resolve("not-a-version")), "only version directories are removed");
        assertEquals(statements(), new SnippetStore(dir.resolve(v2)).statements(KEY));
    }

    @Test
    @DisplayName("a key changes with the chain before it, the region's tag, imports and code, and a value's expression; not with where the region is")
    void keys() {
        String start = SnippetCache.chain("library", "outside regions");
        Snippet a = new Snippet("a", Path.of("L.java"), 10, "double x = 1;", List.of("import java.util.List;"));
        String key = SnippetCache.next(start, a);
        assertEquals(key, SnippetCache.next(start, new Snippet("a", Path.of("M.java"), 99, "double x = 1;",
                List.of("import java.util.List;"))), "moved to another line or file: the same result");
        Set<String> keys = new HashSet<>(List.of(key,
                SnippetCache.next(SnippetCache.chain("library2", "outside regions"), a),
                SnippetCache.next(SnippetCache.chain("library", "outside regions2"), a),
                SnippetCache.next(start, new Snippet("b", a.source(), 10, a.code(), a.imports())),
                SnippetCache.next(start, new Snippet("a", a.source(), 10, "double x = 2;", a.imports())),
                SnippetCache.next(start, new Snippet("a", a.source(), 10, a.code(), List.of())),
                SnippetCache.next(SnippetCache.next(start, a), a),
                SnippetCache.value(key, "x"), SnippetCache.value(key, "x + 1")));
        assertEquals(9, keys.size(), "all different");
        // Field boundaries count: ("ab", "c") and ("a", "bc") are different chains.
        assertNotEquals(SnippetCache.chain("p", "ab", "c"), SnippetCache.chain("p", "a", "bc"));
    }

    @Test
    @DisplayName("the version names this JDK and the builder's snippet classes; the directory is under the project's target/")
    void version() {
        String version = SnippetStore.version();
        assertTrue(version.matches("[0-9a-f]{64}"), version);
        assertEquals(version, SnippetStore.version());
        String builder = SnippetStore.builderFingerprint();
        assertEquals(builder, SnippetStore.builderFingerprint(), "the same classes, the same fingerprint");
        assertNotEquals(SnippetCache.chain(""), builder, "some class was read: not the hash of nothing");
        BuildConfig config = BuildConfig.standard(dir);
        assertEquals(dir.toAbsolutePath().normalize().resolve("target/site-cache/snippets").resolve(version),
                SnippetStore.of(config).dir());
    }

    @Test
    @DisplayName("the in-memory cache writes through, never writes a faulted result, and reads a later build's misses from disk")
    void cacheWritesThrough() {
        SnippetCache first = new SnippetCache();
        first.persistTo(new SnippetStore(dir));
        first.putStatements(KEY, statements());
        first.putValue(KEY, new SnippetSession.Value("1.0", null));
        List<SnippetResult.Statement> timedOut = List.of(new SnippetResult.Statement("while (true) {}", null, null, "",
                SnippetSession.FAULTS.iterator().next(), "ran longer than its time limit", null));
        first.putStatements(OTHER, timedOut);
        first.putValue(OTHER, new SnippetSession.Value(null, SnippetSession.NOT_RUN + "an earlier snippet on this page ended its JShell"));
        assertEquals(timedOut, first.statements(OTHER), "a fault is kept for this build");

        SnippetCache next = new SnippetCache();
        next.persistTo(new SnippetStore(dir));
        assertEquals(statements(), next.statements(KEY));
        assertEquals(new SnippetSession.Value("1.0", null), next.value(KEY));
        assertNull(next.statements(OTHER), "a fault is never written");
        assertNull(next.value(OTHER));
        assertNull(new SnippetCache().statements(KEY), "no store: memory only");
    }
}
