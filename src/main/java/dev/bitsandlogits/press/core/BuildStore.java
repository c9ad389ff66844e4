package dev.bitsandlogits.press.core;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Build products kept on disk between builds, beside the snippet results: typeset formulas
 * ({@link MathTypesetter}) and charts ({@link ChartBlockMacro}), under
 * {@code target/site-cache/<kind>/<version>/}, one file a key, framed and checksummed as
 * {@link SnippetStore}'s files are. The version covers what decides every entry (the builder's
 * classes that make them, the libraries' jars, the JDK); the key covers one entry's input. A
 * file that is missing, damaged or names another key is ignored and rewritten: the store never
 * fails a build, it only spares work.
 */
public final class BuildStore {

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");

    private final Path dir;
    private final String kind;

    BuildStore(Path dir, String kind) {
        this.dir = dir;
        this.kind = kind;
    }

    /** The store of {@code kind} ("math", "charts") in {@code root}'s target/, for {@code version}. */
    public static BuildStore of(Path root, String kind, String version) {
        return new BuildStore(root.resolve("target/site-cache").resolve(kind).resolve(version), kind);
    }

    public Path dir() {
        return dir;
    }

    /** True once any entry of this version has been written. */
    public boolean exists() {
        return Files.isDirectory(dir);
    }

    /** The bytes stored for {@code key}, or null (none, or unreadable). */
    public byte[] get(String key) {
        try {
            return unframe(key, kind, Files.readAllBytes(file(key)));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    public void put(String key, byte[] body) {
        write(dir, file(key), key, kind, body);
    }

    /**
     * Writes {@code body} framed for this key and kind to {@code file} in the store directory
     * {@code dir} atomically (a temporary file moved into place); the first write of a version
     * removes other versions' directories beside {@code dir}. A store that cannot be written costs
     * the next build time, never this one its result: failures are ignored.
     */
    public static void write(Path dir, Path file, String key, String kind, byte[] body) {
        Path tmp = null;
        try {
            if (!Files.isDirectory(dir)) {
                pruneOthers(dir);
            }
            Files.createDirectories(file.getParent());
            tmp = Files.createTempFile(file.getParent(), key.substring(0, 8), ".tmp");
            Files.write(tmp, frame(key, kind, body));
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException | RuntimeException e) {
            // see above: the result of this build stands
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // left for the next clean
                }
            }
        }
    }

    private Path file(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("key must be 64 hex digits, was: " + key);
        }
        return dir.resolve(key.substring(0, 2)).resolve(key);
    }

    /** Removes other versions' directories beside {@code dir}: their files can never be read again. */
    private static void pruneOthers(Path dir) {
        Path parent = dir.getParent();
        if (!Files.isDirectory(parent)) {
            return;
        }
        try (Stream<Path> others = Files.list(parent)) {
            for (Path other : others.filter(p -> !p.equals(dir) && KEY.matcher(p.getFileName().toString()).matches()).toList()) {
                SiteOutput.delete(other);
            }
        } catch (IOException | RuntimeException e) {
            // stale files waste space, nothing else
        }
    }

    /**
     * SHA-256 of the builder's classes in the packages of {@code packagesOf} whose simple names match
     * {@code classes} (nested classes included), as this JVM loaded them from a directory or a jar; on any failure a key no other
     * build shares, so nothing stale is ever read.
     */
    public static String builderClasses(Pattern classes, Class<?>... packagesOf) {
        MessageDigest sha = sha256();
        try {
            for (Class<?> anchor : packagesOf) {
                String pkg = anchor.getPackageName().replace('.', '/') + "/";
                Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
                sha.update(pkg.getBytes(StandardCharsets.UTF_8));
                if (Files.isDirectory(location)) {
                    try (Stream<Path> files = Files.list(location.resolve(pkg))) {
                        for (Path f : files.filter(p -> classes.matcher(p.getFileName().toString()).matches()).sorted().toList()) {
                            sha.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                            sha.update(Files.readAllBytes(f));
                        }
                    }
                } else {
                    try (java.util.jar.JarFile jar = new java.util.jar.JarFile(location.toFile())) {
                        for (String name : jar.stream().map(java.util.jar.JarEntry::getName)
                                .filter(n -> n.startsWith(pkg) && n.indexOf('/', pkg.length()) < 0
                                        && classes.matcher(n.substring(pkg.length())).matches())
                                .sorted().toList()) {
                            sha.update(name.substring(pkg.length()).getBytes(StandardCharsets.UTF_8));
                            try (InputStream in = jar.getInputStream(jar.getEntry(name))) {
                                sha.update(in.readAllBytes());
                            }
                        }
                    }
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            sha.update(Long.toString(System.nanoTime()).getBytes(StandardCharsets.UTF_8));
            sha.update(String.valueOf(e).getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Where {@code c} was loaded from (a jar's path names its version), or "?" . */
    public static String codeSource(Class<?> c) {
        try {
            return String.valueOf(c.getProtectionDomain().getCodeSource().getLocation());
        } catch (RuntimeException e) {
            return "?";
        }
    }

    /**
     * SHA-256 of the class files under {@code classesDir} that {@code className} can reach: the
     * class, its nested classes, and every class its constant pool names that is in
     * {@code classesDir}, transitively (the library classes a chart method calls, the listings
     * classes it shares code with). Classes outside {@code classesDir} (the JDK, jars) are covered
     * by the store's version. A class file that cannot be read makes the hash unique, so nothing is
     * reused.
     */
    public static String reachableClasses(Path classesDir, String className) {
        MessageDigest sha = sha256();
        Set<String> seen = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(className.replace('.', '/'));
        while (!todo.isEmpty()) {
            String internal = todo.poll();
            if (!seen.add(internal)) {
                continue;
            }
            Path file = classesDir.resolve(internal + ".class");
            if (!Files.isRegularFile(file)) {
                seen.remove(internal); // not ours: the JDK or a jar
                seen.add("!" + internal);
                continue;
            }
            try {
                byte[] bytes = Files.readAllBytes(file);
                todo.addAll(referencedClasses(bytes));
            } catch (IOException | RuntimeException e) {
                return HexFormat.of().formatHex(sha256().digest((System.nanoTime() + " " + e).getBytes(StandardCharsets.UTF_8)));
            }
            // nested classes are not always named by the outer one's constant pool (e.g. lambdas' targets are)
            Path parent = file.getParent();
            String prefix = file.getFileName().toString().replace(".class", "$");
            try (Stream<Path> siblings = Files.list(parent)) {
                siblings.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix) && n.endsWith(".class"))
                        .forEach(n -> todo.add(internal.substring(0, internal.lastIndexOf('/') + 1) + n.substring(0, n.length() - 6)));
            } catch (IOException e) {
                return HexFormat.of().formatHex(sha256().digest((System.nanoTime() + " " + e).getBytes(StandardCharsets.UTF_8)));
            }
        }
        for (String internal : seen) {
            sha.update(internal.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            if (!internal.startsWith("!")) {
                try {
                    sha.update(Files.readAllBytes(classesDir.resolve(internal + ".class")));
                } catch (IOException e) {
                    sha.update((System.nanoTime() + " " + e).getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * The internal names of the classes a class file's constant pool refers to: its Class entries,
     * and the class names inside field, method and type descriptors.
     */
    public static Set<String> referencedClasses(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classIndex = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classIndex[i] = in.readUnsignedShort();
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                default -> throw new IOException("constant pool tag " + tag);
            }
        }
        Set<String> names = new TreeSet<>();
        for (int i = 1; i < count; i++) {
            if (classIndex[i] != 0 && utf8[classIndex[i]] != null) {
                String name = utf8[classIndex[i]];
                names.add(name.replaceFirst("^\\[+L?", "").replaceFirst(";$", ""));
            }
        }
        // descriptors and signatures: every Lname; inside any UTF-8 entry
        java.util.regex.Matcher m = Pattern.compile("L([A-Za-z_$0-9/]+)[;<]").matcher("");
        for (String s : utf8) {
            if (s != null && s.indexOf(';') >= 0) {
                m.reset(s);
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
    /** The first line of every stored file (snippet results, formulas, charts): the framing's version. */
    public static final String MAGIC = "bits-and-logits snippet cache 1";

    /**
     * A file is {@link #MAGIC}, a newline, the kind and the key, a newline, the body's length (4 bytes),
     * the body and the SHA-256 of everything before it.
     */
    public static byte[] frame(String key, String kind, byte[] body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write((MAGIC + "\n" + kind + " " + key + "\n").getBytes(StandardCharsets.US_ASCII));
            out.writeInt(body.length);
            out.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] content = bytes.toByteArray();
        byte[] framed = Arrays.copyOf(content, content.length + 32);
        System.arraycopy(sha256().digest(content), 0, framed, content.length, 32);
        return framed;
    }

    /** The body of a file made by {@link #frame} for this key and kind, or null if it is anything else. */
    public static byte[] unframe(String key, String kind, byte[] file) {
        byte[] head = (MAGIC + "\n" + kind + " " + key + "\n").getBytes(StandardCharsets.US_ASCII);
        if (file.length < head.length + 4 + 32 || !Arrays.equals(file, 0, head.length, head, 0, head.length)) {
            return null;
        }
        int content = file.length - 32;
        byte[] sum = sha256().digest(Arrays.copyOf(file, content));
        if (!Arrays.equals(sum, 0, 32, file, content, file.length)) {
            return null;
        }
        int n = ((file[head.length] & 0xff) << 24) | ((file[head.length + 1] & 0xff) << 16)
                | ((file[head.length + 2] & 0xff) << 8) | (file[head.length + 3] & 0xff);
        if (n != content - head.length - 4) {
            return null;
        }
        return Arrays.copyOfRange(file, head.length + 4, content);
    }

    /** The next link of a hash chain. */
    public static String chain(String previous, String... parts) {
        MessageDigest sha = sha256();
        sha.update(previous.getBytes(StandardCharsets.UTF_8));
        for (String part : parts) {
            sha.update((byte) 0);
            sha.update(part.getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

}
