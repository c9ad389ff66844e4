package dev.bitsandlogits.press.snippets;

import dev.bitsandlogits.press.core.BuildStore;
import dev.bitsandlogits.press.core.BuildConfig;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Snippet results kept on disk between builds, under {@code target/site-cache/snippets/}: one
 * file a {@link SnippetCache} key, so an unchanged book runs no snippet, and starts no JShell.
 *
 * <p>The key is the in-memory cache's (compiled library, listings outside their regions, the
 * page's chain of regions); the directory below {@code snippets/} is a {@link #version()}: the
 * JDK that runs the snippets, the snippet JVM's heap, the locale, time zone and encoding it
 * inherits, and the class bytes of the builder classes
 * that execute snippets and shape their results ({@code Snippet*}, {@code ChildJvm}). A change to
 * any of them starts an empty directory (and removes the others). Faulted results are never
 * written ({@link SnippetCache} keeps them for one build). A file is written to a temporary file
 * beside it and moved into place; a file that cannot be read, is truncated, fails its checksum,
 * or names another key is ignored (the snippet runs again and the file is rewritten): the cache
 * never fails a build.
 */
public final class SnippetStore {

    /** The first bytes of every file; a new layout changes the number (and the {@link #version()}). */
    static final String MAGIC = BuildStore.MAGIC;
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern BUILDER_CLASS = Pattern.compile("(Snippet[A-Za-z]*|ChildJvm)(\\$[^/]*)?\\.class");
    private static volatile String version;

    private final Path dir;

    SnippetStore(Path dir) {
        this.dir = dir;
    }

    /** The store of {@code config}'s project, for this JDK and this builder. */
    public static SnippetStore of(BuildConfig config) {
        return new SnippetStore(config.root().resolve("target/site-cache/snippets").resolve(version()));
    }

    Path dir() {
        return dir;
    }

    /** The statements stored for {@code key}, or null (none, or unreadable). */
    List<SnippetResult.Statement> statements(String key) {
        byte[] body = read(key, "s");
        if (body == null) {
            return null;
        }
        try {
            return decodeStatements(body);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The value stored for {@code key}, or null (none, or unreadable). */
    SnippetSession.Value value(String key) {
        byte[] body = read(key, "v");
        if (body == null) {
            return null;
        }
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(body));
            SnippetSession.Value value = new SnippetSession.Value(string(in), string(in));
            return in.read() == -1 ? value : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    void putStatements(String key, List<SnippetResult.Statement> statements) {
        write(key, "s", encodeStatements(statements));
    }

    void putValue(String key, SnippetSession.Value value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            string(out, value.text());
            string(out, value.error());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        write(key, "v", bytes.toByteArray());
    }

    static byte[] encodeStatements(List<SnippetResult.Statement> statements) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(statements.size());
            for (SnippetResult.Statement s : statements) {
                for (String field : new String[] {s.source(), s.name(), s.value(), s.output(), s.exceptionType(),
                    s.exception(), s.rejected()}) {
                    string(out, field);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static List<SnippetResult.Statement> decodeStatements(byte[] body) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(body));
        int n = in.readInt();
        if (n < 0 || n > body.length) {
            throw new IOException("bad statement count " + n);
        }
        List<SnippetResult.Statement> statements = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            statements.add(new SnippetResult.Statement(string(in), string(in), string(in), string(in), string(in),
                    string(in), string(in)));
        }
        if (in.read() != -1) {
            throw new IOException("trailing bytes");
        }
        return List.copyOf(statements);
    }

    /** A nullable string: -1, or its UTF-8 length and bytes (outputs can exceed writeUTF's 64 KB). */
    private static void string(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n == -1) {
            return null;
        }
        if (n < 0 || n > in.available()) {
            throw new IOException("bad string length " + n);
        }
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }

    Path file(String key, String kind) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("key must be 64 hex digits, was: " + key);
        }
        return dir.resolve(key.substring(0, 2)).resolve(key + "." + kind);
    }

    /** See {@link BuildStore#frame}: snippet results are framed as every stored file is. */
    static byte[] frame(String key, String kind, byte[] body) {
        return BuildStore.frame(key, kind, body);
    }

    /** See {@link BuildStore#unframe}. */
    static byte[] unframe(String key, String kind, byte[] file) {
        return BuildStore.unframe(key, kind, file);
    }

    private byte[] read(String key, String kind) {
        Path file = file(key, kind);
        try {
            return unframe(key, kind, Files.readAllBytes(file));
        } catch (IOException | RuntimeException e) {
            return null; // missing or unreadable: run the snippet, then write it again
        }
    }

    private void write(String key, String kind, byte[] body) {
        BuildStore.write(dir, file(key, kind), key, kind, body);
    }

    /**
     * What besides the key decides a result: this file format, the JDK, the snippet JVM's heap, the
     * locale, time zone and encoding it inherits, and the builder classes that run snippets and
     * record their results.
     */
    static String version() {
        String v = version;
        if (v == null) {
            v = SnippetCache.chain(MAGIC, Runtime.version().toString(), System.getProperty("java.vm.vendor", ""),
                    System.getProperty("java.vm.name", ""), System.getProperty("java.home", ""), SnippetJvm.heap(),
                    System.getProperty("os.name", "") + " " + System.getProperty("os.arch", ""),
                    // what the snippet JVM inherits that a snippet could print: locale, time zone, encoding
                    java.util.Locale.getDefault().toLanguageTag(), java.util.TimeZone.getDefault().getID(),
                    System.getProperty("file.encoding", ""), environment("LANG", "LC_ALL", "LC_CTYPE", "LC_NUMERIC", "LC_TIME", "TZ"),
                    builderFingerprint());
            version = v;
        }
        return v;
    }

    private static String environment(String... names) {
        StringBuilder values = new StringBuilder();
        for (String name : names) {
            values.append(name).append('=').append(System.getenv().getOrDefault(name, "")).append('\n');
        }
        return values.toString();
    }

    /** SHA-256 of the {@code Snippet*} and {@code ChildJvm} classes as this JVM loaded them (directory or jar). */
    static String builderFingerprint() {
        MessageDigest sha = sha256();
        try {
            Path location = Path.of(SnippetStore.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                Path pkg = location.resolve("dev/bitsandlogits/press");
                try (Stream<Path> files = Files.walk(pkg)) {
                    for (Path f : files.filter(p -> BUILDER_CLASS.matcher(p.getFileName().toString()).matches()).sorted().toList()) {
                        sha.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                        sha.update(Files.readAllBytes(f));
                    }
                }
            } else {
                try (java.util.jar.JarFile jar = new java.util.jar.JarFile(location.toFile())) {
                    for (String name : jar.stream().map(java.util.jar.JarEntry::getName)
                            .filter(n -> n.startsWith("dev/bitsandlogits/press/")
                                    && BUILDER_CLASS.matcher(n.substring(n.lastIndexOf('/') + 1)).matches())
                            .sorted().toList()) {
                        sha.update(name.substring(name.lastIndexOf('/') + 1).getBytes(StandardCharsets.UTF_8));
                        try (InputStream in = jar.getInputStream(jar.getEntry(name))) {
                            sha.update(in.readAllBytes());
                        }
                    }
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // Unknown classes: a key no other build shares, so nothing stale is ever read.
            sha.update(Long.toString(System.nanoTime()).getBytes(StandardCharsets.UTF_8));
            sha.update(String.valueOf(e).getBytes(StandardCharsets.UTF_8));
        }
        return java.util.HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
