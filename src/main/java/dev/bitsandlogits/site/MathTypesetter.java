package dev.bitsandlogits.site;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.caoccao.javet.enums.JSRuntimeType;
import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Host;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.interop.loader.IJavetLibLoadingListener;
import com.caoccao.javet.interop.loader.JavetLibLoader;
import com.caoccao.javet.interop.loader.JavetLibLoadingListener;
import com.caoccao.javet.values.reference.V8ValueObject;

/**
 * Typesets TeX while the site is built: KaTeX's own script, from its webjar, runs in V8 (through
 * Javet), so pages carry KaTeX's HTML and MathML, its stylesheet and the fonts they use, and none
 * of its 272 KB of JavaScript.
 *
 * <p>A V8 runtime belongs to one thread: this class owns one thread that creates the runtime,
 * loads KaTeX and does every render. It starts at construction, so V8's start (half a second)
 * overlaps Asciidoctor's; {@link #render} waits for it. Keep one instance for many builds.
 *
 * <p>Where Javet's native library cannot load (the pom carries only the linux-x86_64 one), or
 * with {@code -Dbitsandlogits.math=browser}, {@link #available()} is false: the build says so in
 * one line and the pages typeset their math in the reader's browser, as they did before.
 */
final class MathTypesetter implements AutoCloseable {

    /** {@code -Dbitsandlogits.math=browser} forces typesetting in the browser. */
    static final String MODE_PROPERTY = "bitsandlogits.math";
    private static final String KATEX_JS = SiteAssets.KATEX_DIST + "katex.min.js";

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
    static final class TexError extends Exception {
        private final int position;

        TexError(String message, int position) {
            super(message);
            this.position = position;
        }

        /** Where in the TeX KaTeX stopped, or -1 if it does not say. */
        int position() {
            return position;
        }
    }

    private final ExecutorService thread;
    private final Future<V8Runtime> runtime;
    private final PrintStream log;
    private Boolean available;
    /** HTML by "display:" or "inline:" and the TeX: what {@link #render} typeset before. */
    private final Map<String, String> done = new ConcurrentHashMap<>();

    private MathTypesetter(PrintStream log, boolean forceBrowser) {
        this.log = log;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "katex-v8");
            t.setDaemon(true);
            return t;
        });
        this.runtime = forceBrowser ? null : thread.submit(MathTypesetter::startKatex);
    }

    /** Starts V8 and KaTeX in the background; problems are written to {@code log} in one line. */
    static MathTypesetter start(PrintStream log) {
        return new MathTypesetter(log, "browser".equals(System.getProperty(MODE_PROPERTY)));
    }

    private static V8Runtime startKatex() throws JavetException, IOException {
        // Asked first, so that a missing library is one line of ours, not Javet's stack traces on stderr.
        new JavetLibLoader(JSRuntimeType.V8).getResourceFileName();
        // A JVM loads a native library file into one class loader only, and Maven runs the unit
        // tests and the build's head start (WarmBuild) in class loaders of their own: each gets
        // its own copy, under a directory named after the loader so that Javet's purge of the
        // copies of finished processes still finds them.
        IJavetLibLoadingListener defaults = new JavetLibLoadingListener();
        JavetLibLoader.setLibLoadingListener(new IJavetLibLoadingListener() {
            @Override
            public File getLibPath(JSRuntimeType type) {
                String loader = MathTypesetter.class.getClassLoader().getName();
                return loader == null ? defaults.getLibPath(type) : new File(defaults.getLibPath(type), loader);
            }

            @Override
            public boolean isDeploy(JSRuntimeType type) {
                return defaults.isDeploy(type);
            }

            @Override
            public boolean isLibInSystemPath(JSRuntimeType type) {
                return defaults.isLibInSystemPath(type);
            }

            @Override
            public boolean isSuppressingError(JSRuntimeType type) {
                return defaults.isSuppressingError(type);
            }
        });
        V8Host host = V8Host.getV8Instance();
        if (!host.isLibraryLoaded()) {
            Throwable why = host.getLastException();
            while (why != null && why.getCause() != null) {
                why = why.getCause();
            }
            throw new IllegalStateException(why == null ? "Javet's native library did not load" : why.getMessage());
        }
        V8Runtime v8 = host.createV8Runtime();
        try (InputStream in = MathTypesetter.class.getClassLoader().getResourceAsStream(KATEX_JS)) {
            if (in == null) {
                throw new IOException(KATEX_JS + " is not on the class path; is the katex webjar in pom.xml?");
            }
            v8.getExecutor(new String(in.readAllBytes(), StandardCharsets.UTF_8)).setResourceName("katex.min.js").executeVoid();
        }
        v8.getExecutor(RENDER_JS).executeVoid();
        return v8;
    }

    /**
     * True when formulas are typeset here; false when the pages must typeset them in the browser.
     * Waits for V8 to start; the first false answer prints why.
     */
    synchronized boolean available() {
        if (available == null) {
            if (runtime == null) {
                available = false;
                log.println("Math: typeset in the browser (-D" + MODE_PROPERTY + "=browser)");
            } else {
                try {
                    runtime.get();
                    available = true;
                } catch (ExecutionException e) {
                    available = false;
                    Throwable cause = e.getCause();
                    String why = cause instanceof IllegalStateException || cause instanceof JavetException ? cause.getMessage()
                            : cause.getClass().getSimpleName() + ": " + cause.getMessage();
                    log.println("Math: KaTeX cannot run at build time here (" + why.lines().findFirst().orElse("")
                            + "); pages will typeset their formulas in the browser instead");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return available;
    }

    /**
     * KaTeX's HTML (with MathML) for {@code tex}, without its delimiters; {@code display} for a
     * block formula. Throws {@link TexError} with KaTeX's message if KaTeX cannot parse it, and
     * {@link IllegalStateException} if KaTeX cannot run here ({@link #available()}).
     *
     * <p>A formula typeset before is not typeset again: a third of the book's formulas recur
     * ({@code p}, {@code H(p)}, …), and the live preview re-typesets a page's formulas on every save.
     */
    String render(String tex, boolean display) throws TexError {
        String key = (display ? "display:" : "inline:") + tex;
        String html = done.get(key);
        if (html == null) {
            html = typeset(tex, display);
            done.put(key, html);
        }
        return html;
    }

    /** {@link #render} without the memory of formulas typeset before. */
    String typeset(String tex, boolean display) throws TexError {
        if (!available()) {
            throw new IllegalStateException("KaTeX is not running at build time here");
        }
        Object result;
        try {
            result = thread.submit(() -> {
                try (V8ValueObject out = runtime.get().getGlobalObject().invoke("typeset", tex, display)) {
                    String error = out.getString("error");
                    return error == null ? out.getString("html") : new TexError(error, out.getInteger("position"));
                }
            }).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("KaTeX failed on " + tex, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while typesetting " + tex, e);
        }
        if (result instanceof TexError e) {
            throw e;
        }
        return (String) result;
    }

    @Override
    public void close() {
        if (runtime != null) {
            thread.submit(() -> {
                try {
                    runtime.get().close();
                } catch (ExecutionException e) {
                    // never started: nothing to close
                }
                return null;
            });
        }
        thread.shutdown();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
