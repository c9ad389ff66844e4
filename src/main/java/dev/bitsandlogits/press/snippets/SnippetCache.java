package dev.bitsandlogits.press.snippets;

import dev.bitsandlogits.press.core.BuildStore;
import dev.bitsandlogits.press.core.BuildConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Results of snippet executions, kept for the life of a {@link Book} (watch mode keeps one Book),
 * so a page whose snippets did not change is not executed again.
 *
 * <p>A key is a hash chain: the compiled library and listings, then each snippet of the page in
 * order (a snippet's result depends on the snippets before it, which share its JShell session).
 * Changing a region, its imports, the order of regions, or any class the regions can call
 * changes every key after that point. The site builder's own classes are left out of the
 * fingerprint: they cannot change what a snippet computes (the results kept on disk between
 * builds, {@link SnippetStore}, are also keyed by the builder classes that record them).
 */
public final class SnippetCache {

    // Concurrent: SnippetPrefetch fills the cache in another thread while Asciidoctor starts.
    private final Map<String, List<SnippetResult.Statement>> statements = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, SnippetSession.Value> values = new java.util.concurrent.ConcurrentHashMap<>();

    /** Where results also go between builds ({@link SnippetStore}); null: memory only. */
    private volatile SnippetStore store;

    /** Reads and writes results through {@code store} too (the project's {@code target/site-cache/}), or not (null). */
    public void persistTo(SnippetStore store) {
        this.store = store;
    }

    public List<SnippetResult.Statement> statements(String key) {
        List<SnippetResult.Statement> found = statements.get(key);
        SnippetStore disk = store;
        if (found == null && disk != null) {
            found = disk.statements(key);
            if (found != null) {
                statements.put(key, found);
            }
        }
        return found;
    }

    /** Keys of results that met a fault of the snippet JVM: reused within a build, run again by the next. */
    private final java.util.Set<String> faulted = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public void putStatements(String key, List<SnippetResult.Statement> result) {
        statements.put(key, result);
        SnippetStore disk = store;
        if (new SnippetResult(null, result, 0).faulted()) {
            faulted.add(key);
        } else if (disk != null) {
            disk.putStatements(key, result);
        }
    }

    public SnippetSession.Value value(String key) {
        SnippetSession.Value found = values.get(key);
        SnippetStore disk = store;
        if (found == null && disk != null) {
            found = disk.value(key);
            if (found != null) {
                values.put(key, found);
            }
        }
        return found;
    }

    public void putValue(String key, SnippetSession.Value value) {
        values.put(key, value);
        SnippetStore disk = store;
        if (value.error() != null && value.error().startsWith(SnippetSession.NOT_RUN)) {
            faulted.add(key);
        } else if (disk != null) {
            disk.putValue(key, value);
        }
    }

    /**
     * Forgets the results that met a time limit, an exit or another fault of the snippet JVM (at
     * the end of each build): they depend on more than the code, e.g. on how busy the machine
     * was, so the next build runs them again.
     */
    public void forgetFaults() {
        for (String key : faulted) {
            statements.remove(key);
            values.remove(key);
        }
        faulted.clear();
    }

    /** Drops every result held in memory (the store on disk keeps its files): as a new build's JVM finds it. */
    public void clear() {
        statements.clear();
        values.clear();
        faulted.clear();
    }

    /** The start of every page's chain: the compiled library and the listings outside their regions. */
    public static String start(BuildConfig config, SnippetIndex index) {
        return chain(fingerprint(config.classesDir()), index.outsideRegions());
    }

    /** The key of {@code snippet}'s result when it runs after the snippets that led to {@code previous}. */
    public static String next(String previous, Snippet snippet) {
        return chain(previous, "snippet", snippet.tag(), String.join("\n", snippet.imports()), snippet.code());
    }

    /** The key of the value of {@code expression} right after the snippet whose key is {@code afterSnippet}. */
    public static String value(String afterSnippet, String expression) {
        return chain(afterSnippet, "value", expression);
    }

    /** The next link of a hash chain ({@link BuildStore#chain}). */
    static String chain(String previous, String... parts) {
        return BuildStore.chain(previous, parts);
    }

    /**
     * A hash of the compiled library a snippet can reach: all of {@code classesDir} but the site
     * builder and the listings, whose classes change with every region edit; the listings are
     * fingerprinted from source instead ({@link SnippetIndex#outsideRegions}).
     */
    static String fingerprint(Path classesDir) {
        MessageDigest sha = sha256();
        if (Files.isDirectory(classesDir)) {
            // the builder is the engine (but the chart records listings return) and the book
            Path engine = classesDir.resolve("dev/bitsandlogits/press");
            Path engineApi = engine.resolve("api");
            Path book = classesDir.resolve("dev/bitsandlogits/book");
            Path listings = classesDir.resolve("dev/bitsandlogits/listings");
            try (Stream<Path> walk = Files.walk(classesDir)) {
                for (Path f : walk.filter(p -> p.toString().endsWith(".class") && !(p.startsWith(engine) && !p.startsWith(engineApi))
                        && !p.startsWith(book) && !p.startsWith(listings)).sorted().toList()) {
                    sha.update(classesDir.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                    sha.update(Files.readAllBytes(f));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
