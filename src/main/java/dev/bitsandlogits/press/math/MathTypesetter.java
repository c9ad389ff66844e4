package dev.bitsandlogits.press.math;

import dev.bitsandlogits.press.core.BuildStore;
import dev.bitsandlogits.press.core.ChildJvm;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.caoccao.javet.enums.JSRuntimeType;
import com.caoccao.javet.interop.V8Host;
import com.caoccao.javet.interop.loader.JavetLibLoader;

/**
 * Typesets TeX while the site is built: KaTeX's own script, from its webjar, runs in V8 (through
 * Javet), so pages carry KaTeX's HTML and MathML, its stylesheet and the fonts they use, and none
 * of its 272 KB of JavaScript.
 *
 * <p>V8 runs in a JVM of its own ({@link KatexServer}), with one runtime made once on that JVM's
 * main thread and never closed: V8 runtimes created on further threads of one JVM crash it with
 * {@code SEGV_PKUERR} on CPUs with memory protection keys, and Maven's JVM runs the unit tests, the
 * build's head start and the build itself, each in a class loader and on threads of its own. That
 * JVM also runs with {@code JAVET_DISABLE_PKU=1}, and if it ever ends, the next formula starts
 * another. It starts at construction, so its start (~1 s, on the other core) overlaps
 * Asciidoctor's; {@link #render} waits for it. Keep one instance for many builds.
 *
 * <p>Where Javet's native library cannot load (the pom carries only the linux-x86_64 one), or
 * with {@code -Dbitsandlogits.math=browser}, {@link #available()} is false: the build says so in
 * one line and the pages typeset their math in the reader's browser, as they did before.
 */
public final class MathTypesetter implements AutoCloseable {

    /** {@code -Dbitsandlogits.math=browser} forces typesetting in the browser. */
    public static final String MODE_PROPERTY = "bitsandlogits.math";
    /** KaTeX's webjar: its script typesets here, its stylesheet and fonts are copied to the site. */
    public static final String KATEX_VERSION = "0.16.47";
    public static final String KATEX_DIST = "META-INF/resources/webjars/katex/" + KATEX_VERSION + "/dist/";
    private static final String KATEX_JS = KATEX_DIST + "katex.min.js";

    /**
     * Returns {html} or, for TeX that KaTeX cannot parse, {error: KaTeX's message, position: the
     * offset in the TeX where it stopped, or -1}; any other exception is a fault of ours and
     * propagates. MathML is kept for screen readers.
     */
    private static final String RENDER_JS = """
            function typeset(tex, displayMode) {
              try {
                return {html: katex.renderToString(tex, {displayMode, throwOnError: true, output: 'htmlAndMathml'})};
              } catch (e) {
                if (e instanceof katex.ParseError) { return {error: e.message, position: e.position ?? -1}; }
                throw e;
              }
            }""";

    /** TeX that KaTeX rejects; the message is KaTeX's own. */
    public static final class TexError extends Exception {
        private final int position;

        TexError(String message, int position) {
            super(message);
            this.position = position;
        }

        /** Where in the TeX KaTeX stopped, or -1 if it does not say. */
        public int position() {
            return position;
        }
    }

    private final PrintStream log;
    private final boolean forceBrowser;
    private Boolean available;
    /** HTML by "display:" or "inline:" and the TeX: what {@link #render} typeset before. */
    private final Map<String, String> done = new ConcurrentHashMap<>();
    /** The KaTeX JVM and its pipes; replaced if it ends. Guarded by {@code this}. */
    private Process process;
    private DataOutputStream requests;
    private DataInputStream replies;
    /** Why the KaTeX JVM could not start (its first frame), once known. */
    private String startFailure;
    /** Formulas typeset by earlier builds of the project being built ({@link #useStore}), or null. */
    private volatile BuildStore store;
    private static volatile String version;

    private MathTypesetter(PrintStream log, boolean forceBrowser, boolean lazy) {
        this.log = log;
        this.forceBrowser = forceBrowser;
        if (!forceBrowser && !lazy) {
            try {
                launch();
            } catch (IOException e) {
                startFailure = e.getMessage();
            }
        }
    }

    /** Starts V8 and KaTeX in the background; problems are written to {@code log} in one line. */
    public static MathTypesetter start(PrintStream log) {
        return start(log, null);
    }

    /**
     * As {@link #start(PrintStream)}, but when {@code root} has formulas typeset by an earlier build
     * (of this KaTeX and this builder), the KaTeX JVM starts only when a formula is not among them:
     * a build whose formulas are all stored starts none.
     */
    public static MathTypesetter start(PrintStream log, Path root) {
        boolean lazy = root != null && BuildStore.of(root, "math", version()).exists();
        MathTypesetter math = new MathTypesetter(log, "browser".equals(System.getProperty(MODE_PROPERTY)), lazy);
        if (root != null) {
            math.useStore(root);
        }
        return math;
    }

    /** Reads and writes typeset formulas under {@code root}'s target/site-cache/math/ from now on. */
    public void useStore(Path root) {
        store = BuildStore.of(root, "math", version());
    }

    /** Forgets the formulas held in memory, as a new JVM would (tests of the store). */
    public void forget() {
        done.clear();
    }

    /**
     * What decides every formula's HTML besides its TeX: KaTeX's script (its bytes), the render
     * function, the classes that carry requests and replies, Javet's jar, the JDK.
     */
    static String version() {
        String v = version;
        if (v == null) {
            String katex;
            try (java.io.InputStream in = MathTypesetter.class.getClassLoader()
                    .getResourceAsStream(KATEX_JS.startsWith("/") ? KATEX_JS.substring(1) : KATEX_JS)) {
                katex = in == null ? "none" : BuildStore.sha256Hex(in.readAllBytes());
            } catch (IOException e) {
                katex = "unreadable " + System.nanoTime();
            }
            v = BuildStore.chain("bits-and-logits math store 1", katex, RENDER_JS,
                    BuildStore.builderClasses(java.util.regex.Pattern.compile("(MathTypesetter|KatexServer)(\\$[^/]*)?\\.class"), MathTypesetter.class),
                    BuildStore.codeSource(V8Host.class), Runtime.version().toString());
            version = v;
        }
        return v;
    }

    /** Starts the KaTeX JVM if none runs and none failed to (a lazy typesetter's first formula not stored). */
    private synchronized void ensureProcess() {
        if (process == null && startFailure == null && available == null && !forceBrowser) {
            try {
                launch();
            } catch (IOException e) {
                startFailure = e.getMessage();
            }
        }
    }

    private synchronized void launch() throws IOException {
        List<String> command = ChildJvm.java("256m", "katex");
        command.addAll(List.of("-cp", classPath(), KatexServer.class.getName(), KATEX_JS, RENDER_JS));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("JAVET_DISABLE_PKU", "1");
        process = builder.start();
        requests = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
        replies = new DataInputStream(new BufferedInputStream(process.getInputStream()));
    }

    /**
     * The KaTeX JVM's class path: {@link KatexServer}'s class (copied alone into a temporary
     * directory), Javet, its V8 library and the KaTeX webjar, wherever this class loader found them.
     */
    private static String classPath() throws IOException {
        ClassLoader loader = MathTypesetter.class.getClassLoader();
        List<String> entries = new ArrayList<>(List.of(ChildJvm.classesAlone("katex", KatexServer.class).toString()));
        entries.add(codeSource(V8Host.class));
        String library;
        try {
            library = new JavetLibLoader(JSRuntimeType.V8).getResourceFileName();
        } catch (com.caoccao.javet.exceptions.JavetException e) {
            throw new IOException(e.getMessage(), e); // no V8 library for this platform
        }
        for (String r : List.of(library, KATEX_JS)) {
            URL url = loader.getResource(r.startsWith("/") ? r.substring(1) : r);
            if (url != null) {
                entries.add(containerOf(url, r));
            }
        }
        return String.join(File.pathSeparator, entries.stream().distinct().toList());
    }

    private static String codeSource(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The jar (or directory) a resource was found in. */
    private static String containerOf(URL url, String resource) {
        String s = url.toString();
        try {
            if (s.startsWith("jar:")) {
                return Path.of(new java.net.URI(s.substring(4, s.indexOf("!/")))).toString();
            }
            String dir = s.substring(0, s.length() - resource.replaceFirst("^/", "").length());
            return Path.of(new java.net.URI(dir)).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * True when formulas are typeset here; false when the pages must typeset them in the browser.
     * Waits for V8 to start; the first false answer prints why.
     */
    public synchronized boolean available() {
        if (available == null && !forceBrowser && process == null && startFailure == null && store != null
                && store.exists()) {
            // KaTeX ran here for this version before (its formulas are stored); it starts when one is missing.
            return true;
        }
        ensureProcess();
        if (available == null) {
            if (forceBrowser) {
                available = false;
                log.println("Math: typeset in the browser (-D" + MODE_PROPERTY + "=browser)");
            } else {
                String why = startFailure != null ? startFailure : awaitReady();
                available = why == null;
                if (why != null) {
                    log.println("Math: KaTeX cannot run at build time here (" + why.lines().findFirst().orElse("")
                            + "); pages will typeset their formulas in the browser instead");
                }
            }
        }
        return available;
    }

    /** Reads the KaTeX JVM's first frame: null when it is ready, else why not. */
    private String awaitReady() {
        try {
            byte kind = replies.readByte();
            replies.readInt();
            String text = KatexServer.readString(replies);
            return kind == KatexServer.HTML ? null : text;
        } catch (IOException e) {
            return "its JVM ended before it was ready";
        }
    }

    /**
     * KaTeX's HTML (with MathML) for {@code tex}, without its delimiters; {@code display} for a
     * block formula. Throws {@link TexError} with KaTeX's message if KaTeX cannot parse it, and
     * {@link IllegalStateException} if KaTeX cannot run here ({@link #available()}).
     *
     * <p>A formula typeset before is not typeset again: a third of the book's formulas recur
     * ({@code p}, {@code H(p)}, …), and the live preview re-typesets a page's formulas on every save.
     */
    public String render(String tex, boolean display) throws TexError {
        String key = (display ? "display:" : "inline:") + tex;
        String html = done.get(key);
        if (html == null) {
            BuildStore disk = store;
            String hash = disk == null ? null : BuildStore.chain(version(), display ? "display" : "inline", tex);
            byte[] stored = disk == null ? null : disk.get(hash);
            if (stored != null) {
                html = new String(stored, java.nio.charset.StandardCharsets.UTF_8);
            } else {
                html = typeset(tex, display);
                if (disk != null) {
                    disk.put(hash, html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            done.put(key, html);
        }
        return html;
    }

    /** {@link #render} without the memory of formulas typeset before. */
    synchronized String typeset(String tex, boolean display) throws TexError {
        ensureProcess();
        if (!available()) {
            throw new IllegalStateException("KaTeX is not running at build time here");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                requests.writeBoolean(display);
                KatexServer.writeString(requests, tex);
                requests.flush();
                byte kind = replies.readByte();
                int position = replies.readInt();
                String text = KatexServer.readString(replies);
                if (kind == KatexServer.HTML) {
                    return text;
                }
                if (kind == KatexServer.TEX_ERROR) {
                    throw new TexError(text, position);
                }
                throw new IllegalStateException("KaTeX failed on " + tex + ": " + text);
            } catch (IOException e) {
                // Its JVM ended (it never should): start another once, then give up loudly.
                end();
                if (attempt == 2) {
                    throw new IllegalStateException("KaTeX's JVM ended twice while typesetting " + tex, e);
                }
                try {
                    launch();
                    String why = awaitReady();
                    if (why != null) {
                        throw new IllegalStateException("KaTeX's JVM did not start again: " + why, e);
                    }
                } catch (IOException again) {
                    throw new IllegalStateException("KaTeX's JVM did not start again", again);
                }
            }
        }
    }

    /** The KaTeX JVM's process id, or -1 when none runs (for tests). */
    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    private synchronized void end() {
        if (process != null) {
            process.destroyForcibly();
            process = null;
        }
    }

    @Override
    public synchronized void close() {
        if (process != null) {
            try {
                requests.close(); // the KaTeX JVM ends at the end of its input
                if (!process.waitFor(2, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(2, java.util.concurrent.TimeUnit.SECONDS);
                }
            } catch (IOException e) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }
}
