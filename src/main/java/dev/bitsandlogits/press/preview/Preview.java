package dev.bitsandlogits.press.preview;

import dev.bitsandlogits.press.build.Book;
import dev.bitsandlogits.press.core.BuildConfig;
import dev.bitsandlogits.press.charts.ChartStrings;
import dev.bitsandlogits.press.core.Edition;
import dev.bitsandlogits.press.core.Problem;
import dev.bitsandlogits.press.snippets.Snippet;
import dev.bitsandlogits.press.snippets.SnippetCache;
import dev.bitsandlogits.press.snippets.SnippetIndex;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The author's loop: builds the book, serves {@code site/} on {@code http://127.0.0.1:<port>/},
 * watches {@code docs/} and {@code src/main/java}, rebuilds what changed and reloads open tabs.
 * <pre>
 * ./mvnw -q compile exec:java@preview            # port 8000; -Dpreview.port=9000 to change it
 * </pre>
 * A prose edit reconverts that page only; a listing or library edit is compiled in-process with
 * the JDK compiler and reruns the snippets that changed (everything else comes from the snippet
 * cache). A failure prints its {@code file:line} messages and shows them over the page in the
 * browser until the next good save. Edits to the site builder itself need a restart.
 */
public final class Preview implements AutoCloseable {

    private static final String CLIENT = """
            (function () {
              var events = new EventSource("/__preview/events");
              events.addEventListener("reload", function () { location.reload(); });
              events.addEventListener("problems", function (e) {
                var box = document.getElementById("preview-problems");
                if (!box) {
                  box = document.createElement("pre");
                  box.id = "preview-problems";
                  box.setAttribute("role", "alert");
                  box.style.cssText = "position:fixed;inset:auto 1rem 1rem 1rem;max-height:60vh;overflow:auto;z-index:9999;"
                    + "margin:0;padding:1rem;background:#3b0d0c;color:#fff;font:13px/1.5 monospace;white-space:pre-wrap;"
                    + "border-radius:6px;box-shadow:0 4px 24px rgba(0,0,0,.4)";
                  document.body.appendChild(box);
                }
                var words = {};
                try { words = JSON.parse(document.getElementById("bl-strings").textContent); } catch (x) { words = {}; }
                box.textContent = (words["preview.failed"] || "Build failed:") + "\\n\\n" + e.data;
              });
            })();
            """;

    private final BuildConfig config;
    private final Book book;
    private final PrintStream out;
    /** Open event streams, each with its own queue: a browser that stops reading loses its stream, nothing else. */
    private final List<java.util.concurrent.BlockingQueue<byte[]>> clients = new CopyOnWriteArrayList<>();
    /** At most this many event streams at once (each holds a server thread); more get 503. */
    static final int MAX_CLIENTS = 8;
    /** Events a stream may fall behind by before it is dropped. */
    private static final int CLIENT_QUEUE = 16;
    private static final byte[] END = new byte[0];
    private volatile String problems;
    private HttpServer server;
    /** io.methvin's recursive watcher (native on macOS, where the JDK's WatchService polls every 10 s). */
    private io.methvin.watcher.DirectoryWatcher watcher;
    /** Paths the watcher saw change, in order; {@link #watch()} takes them in bursts. */
    private final java.util.concurrent.BlockingQueue<Path> saves = new java.util.concurrent.LinkedBlockingQueue<>();
    private Thread watching;

    private Preview(BuildConfig config, Book book, PrintStream out) {
        this.config = config;
        this.book = book;
        this.out = out;
    }

    /**
     * Builds the book once, then serves and watches it in background threads until {@link #close()}.
     * Port 0 picks a free port.
     */
    static Preview start(BuildConfig config, Book book, int port, PrintStream out) throws IOException {
        Preview preview = new Preview(config, book, out);
        // The port first: if it is taken, say so now, not after a build.
        preview.server = preview.serve(port);
        preview.runBuild(() -> book.build(config), "book");
        preview.watcher = io.methvin.watcher.DirectoryWatcher.builder()
                .paths(List.of(config.docsDir(), config.root().resolve("src/main/java")).stream()
                        .filter(Files::isDirectory).toList())
                // The book's caches know what changed; hashing every file at start would cost a walk of reads.
                .fileHashing(false)
                .logger(org.slf4j.helpers.NOPLogger.NOP_LOGGER)
                .listener(event -> {
                    if (event.path() != null) {
                        preview.saves.offer(event.path());
                    }
                })
                .build();
        preview.watcher.watchAsync(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "preview-directory-watcher");
            t.setDaemon(true);
            return t;
        }));
        preview.watching = new Thread(() -> {
            try {
                preview.watch();
            } catch (InterruptedException e) {
                // closed
            }
        }, "preview-watch");
        preview.watching.setDaemon(true);
        preview.watching.start();
        return preview;
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() throws IOException {
        watcher.close();
        watching.interrupt();
        clients.forEach(q -> q.offer(END));
        server.stop(0);
        executor.shutdownNow();
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path root = Path.of(".");
        int port = Integer.getInteger("preview.port", 8000);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--root" -> root = Path.of(args[++i]);
                case "--port" -> port = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; usage: Preview [--root DIR] [--port N]");
            }
        }
        BuildConfig config = BuildConfig.standard(root);
        if (!portFree(port)) {
            System.err.println("Preview: port " + port + " on 127.0.0.1 is taken (another preview?); stop that, or choose"
                    + " another port: ./mvnw -q compile exec:java@preview -Dpreview.port=" + (port == 8000 ? 9000 : port + 1));
            System.exit(1);
        }
        try (Book book = new Book(System.out); Preview preview = start(config, book, port, System.out)) {
            System.out.printf("Serving http://127.0.0.1:%d/ — watching docs/ and src/main/java (Ctrl-C to stop)%n",
                    preview.port());
            preview.watching.join();
        }
    }

    /** Whether a server can listen on {@code port} of the loopback address (port 0: always). */
    static boolean portFree(int port) {
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs one build and tells the browsers: reload, or show the problems. */
    private void runBuild(java.util.function.Supplier<Book.BuildReport> build, String what) {
        long start = System.nanoTime();
        try {
            Book.BuildReport report = build.get();
            problems = null;
            out.printf("Rebuilt %s in %d ms (%d snippets run)%n", what, (System.nanoTime() - start) / 1_000_000, report.executed());
            broadcast("reload", "");
        } catch (Book.BuildFailedException e) {
            report(e.problems());
        } catch (RuntimeException e) {
            report(List.of(new Problem("build", e.toString(), null)));
        }
    }

    private void report(List<Problem> found) {
        problems = found.stream().map(Problem::format).collect(Collectors.joining("\n"));
        out.println();
        out.println(problems);
        out.println("Build failed with " + found.size() + " problem(s); the browser shows them until the next good save.");
        broadcast("problems", problems);
    }

    static {
        // A client that sends its request line or headers slowly is cut off after 10 s (the JDK
        // server's own limit; -D on the command line wins). Responses have no limit: event streams last.
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", "10");
        }
    }

    private java.util.concurrent.ExecutorService executor;

    private HttpServer serve(int port) throws IOException {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (java.net.BindException e) {
            throw new java.net.BindException("port " + port + " on 127.0.0.1 is taken; choose another with -Dpreview.port=N");
        }
        // Bounded: the event streams (at most MAX_CLIENTS) and as many threads again for files.
        executor = Executors.newFixedThreadPool(2 * MAX_CLIENTS, r -> {
            Thread t = new Thread(r, "preview-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/__preview/client.js", ex -> {
            if (allowed(ex)) {
                send(ex, 200, "text/javascript; charset=utf-8", CLIENT.getBytes(StandardCharsets.UTF_8));
            }
        });
        server.createContext("/__preview/events", this::events);
        server.createContext("/", ex -> {
            if (allowed(ex)) {
                file(ex);
            }
        });
        server.start();
        return server;
    }

    /** GET and HEAD only: anything else is answered 405 with the methods that are allowed. */
    private static boolean allowed(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            return true;
        }
        ex.getResponseHeaders().add("Allow", "GET, HEAD");
        send(ex, 405, "text/plain; charset=utf-8", ("method " + method + " is not allowed; the preview serves GET and HEAD\n")
                .getBytes(StandardCharsets.UTF_8));
        return false;
    }

    /**
     * An event stream: this server thread writes the client's own queue to it until the client
     * goes away, is closed, or falls {@link #CLIENT_QUEUE} events behind (a tab that stopped
     * reading); {@link #broadcast} only puts events on queues, so no client can hold up a rebuild.
     */
    private void events(HttpExchange ex) throws IOException {
        if (!allowed(ex)) {
            return;
        }
        if (clients.size() >= MAX_CLIENTS) {
            send(ex, 503, "text/plain; charset=utf-8", "too many open previews\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        ex.getResponseHeaders().add("Content-Type", "text/event-stream");
        ex.getResponseHeaders().add("Cache-Control", "no-store");
        ex.getResponseHeaders().add("X-Content-Type-Options", "nosniff");
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.sendResponseHeaders(200, -1);
            ex.close();
            return;
        }
        java.util.concurrent.BlockingQueue<byte[]> queue = new java.util.concurrent.ArrayBlockingQueue<>(CLIENT_QUEUE);
        String current = problems;
        queue.add(": connected\n\n".getBytes(StandardCharsets.UTF_8));
        if (current != null) {
            queue.add(event("problems", current));
        }
        clients.add(queue);
        try (OutputStream body = ex.getResponseBody()) {
            ex.sendResponseHeaders(200, 0);
            while (true) {
                byte[] next = queue.poll(15, TimeUnit.SECONDS);
                if (next == END) {
                    break;
                }
                // A comment every 15 s finds a tab that closed without saying so.
                body.write(next != null ? next : ": ping\n\n".getBytes(StandardCharsets.UTF_8));
                body.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the client went away
        } finally {
            clients.remove(queue);
            ex.close();
        }
    }

    /** Puts an event on every client's queue; a client whose queue is full is dropped. */
    void broadcast(String name, String data) {
        byte[] bytes = event(name, data);
        for (java.util.concurrent.BlockingQueue<byte[]> queue : clients) {
            if (!queue.offer(bytes)) {
                clients.remove(queue);
                queue.clear();
                queue.offer(END);
            }
        }
    }

    /** Open event streams (for tests). */
    int clients() {
        return clients.size();
    }

    private static byte[] event(String name, String data) {
        String lines = data.lines().map(l -> "data: " + l).collect(Collectors.joining("\n"));
        return ("event: " + name + "\n" + (lines.isEmpty() ? "data: \n" : lines + "\n") + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private void file(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        Path site = config.siteDir();
        Path file = site.resolve(path.substring(1)).normalize();
        if (path.endsWith("/")) {
            file = file.resolve("index.html");
        }
        if (!file.startsWith(site) || !Files.isRegularFile(file)) {
            send(ex, 404, "text/plain", ("not found: " + path).getBytes(StandardCharsets.UTF_8));
            return;
        }
        byte[] bytes = Files.readAllBytes(file);
        String type = contentType(file.getFileName().toString());
        if (type.startsWith("text/html")) {
            // Only served pages get the reload client; the files in site/ stay as built.
            String html = new String(bytes, StandardCharsets.UTF_8)
                    .replace("</body>", "<script src=\"/__preview/client.js\"></script>\n</body>");
            bytes = html.getBytes(StandardCharsets.UTF_8);
        }
        send(ex, 200, type, bytes);
    }

    /** Sends {@code body}, or for HEAD only its headers (with the length a GET would get). */
    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.getResponseHeaders().add("Cache-Control", "no-store");
        ex.getResponseHeaders().add("X-Content-Type-Options", "nosniff");
        if (ex.getRequestMethod().equals("HEAD")) {
            // The JDK server drops a length passed for HEAD (and would announce chunked encoding for 0).
            ex.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            ex.sendResponseHeaders(status, -1);
            ex.close();
            return;
        }
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(body);
        }
    }

    public static String contentType(String name) {
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return switch (ext) {
            case "html" -> "text/html; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "js" -> "text/javascript; charset=utf-8";
            case "json" -> "application/json";
            case "svg" -> "image/svg+xml";
            case "woff2" -> "font/woff2";
            case "png" -> "image/png";
            case "ico" -> "image/x-icon";
            case "jsh", "txt" -> "text/plain; charset=utf-8";
            case "jar" -> "application/java-archive";
            default -> "application/octet-stream";
        };
    }

    /** Waits for saves; a burst of events within 40 ms is one change. */
    private void watch() throws InterruptedException {
        Path javaRoot = config.root().resolve("src/main/java");
        while (true) {
            Set<Path> changed = new HashSet<>();
            Path p = saves.take();
            do {
                changed.add(p);
                p = saves.poll(40, TimeUnit.MILLISECONDS);
            } while (p != null);
            onChange(changed, javaRoot);
        }
    }

    private void onChange(Set<Path> changed, Path javaRoot) {
        Set<Path> java = changed.stream().filter(p -> p.toString().endsWith(".java")).collect(Collectors.toSet());
        Set<Path> docs = changed.stream().filter(p -> p.startsWith(config.docsDir()) && readByBuild(p))
                .collect(Collectors.toSet());
        if (java.isEmpty() && docs.isEmpty()) {
            return;
        }
        if (java.stream().anyMatch(p -> builder(p, javaRoot))) {
            out.println("The site builder's own code changed: restart the preview to use it.");
        }
        // What the last build ran with: the files on disk already hold the new version.
        SnippetIndex before = book.lastIndex();
        String fingerprintBefore = book.lastFingerprint();
        if (!java.isEmpty() && !compile(javaRoot)) {
            return;
        }
        Set<Path> pages = new HashSet<>();
        boolean everything = problems != null; // after a failed build, build it all again
        for (Path p : docs) {
            String name = p.getFileName().toString();
            boolean translation = Edition.all(config.docsDir()).stream().anyMatch(e -> p.getParent().equals(e.docsDir()));
            if (translation && name.endsWith(".adoc") && !name.startsWith("_") && Files.exists(p)) {
                pages.add(p);
                // An original page's translations are checked against it (macros, :translated-from:): rebuild them too.
                for (Edition e : Edition.all(config.docsDir())) {
                    Path twin = e.docsDir().resolve(name);
                    if (!twin.equals(p) && Files.exists(twin)) {
                        pages.add(twin);
                    }
                }
            } else {
                everything = true; // a partial, the theme, a new or deleted page
            }
        }
        if (!java.isEmpty()) {
            SnippetIndex after = SnippetIndex.scan(config.root(), config.listingsDir());
            boolean libraryChanged = before == null || !SnippetCache.start(config, after).equals(fingerprintBefore);
            if (libraryChanged) {
                // The library or a listing outside its regions changed: every snippet may compute
                // something else, and JShell must load the new classes.
                book.classesChanged();
            }
            // Reconvert the pages that use a changed region (or all pages with snippets); the cache
            // still spares every snippet before the first change on a page.
            book.tagsByPage().forEach((page, tags) -> {
                if (!tags.isEmpty() && (libraryChanged || tags.stream().anyMatch(tag ->
                        !before.find(tag).map(Snippet::code).equals(after.find(tag).map(Snippet::code))))) {
                    pages.add(page);
                }
            });
        }
        String what = everything ? "book" : pages.stream().map(config::relative).sorted().collect(Collectors.joining(", "));
        boolean all = everything;
        runBuild(() -> all ? book.build(config) : book.rebuild(config, pages), what);
    }

    /**
     * Whether the build reads {@code p} (under {@code docs/}): AsciiDoc sources and the theme's files.
     * Editors write other files beside the one they save (vim's {@code 4913} probe and {@code .swp},
     * backups ending in {@code ~}, emacs's {@code .#} locks and {@code #…#} auto-saves, the
     * temporary copy {@code sed -i} renames over the file); each would otherwise rebuild the whole
     * book, about four times as long as the saved page alone.
     */
    private boolean readByBuild(Path p) {
        String name = p.getFileName().toString();
        if (name.startsWith(".") || name.startsWith("#") || name.endsWith("~")) {
            return false;
        }
        return name.endsWith(".adoc") || name.equals(ChartStrings.FILE) || (p.startsWith(config.themeDir()) && name.contains("."));
    }

    /**
     * Compiles the library and listings into {@code target/classes} with the JDK compiler, in this
     * JVM (a forked javac or Maven would cost seconds). The builder's own package is left alone.
     */
    private static boolean builder(Path p, Path javaRoot) {
        Path engine = javaRoot.resolve("dev/bitsandlogits/press");
        return p.startsWith(engine) && !p.startsWith(engine.resolve("api")) || p.startsWith(javaRoot.resolve("dev/bitsandlogits/book"));
    }

    private boolean compile(Path javaRoot) {
        long start = System.nanoTime();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(javaRoot)) {
            sources = walk.filter(p -> p.toString().endsWith(".java")
                    && !builder(p, javaRoot)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> options = new ArrayList<>(List.of("-d", config.classesDir().toString(), "--release", "17",
                "-encoding", "UTF-8", "-proc:none", "-implicit:none", "-sourcepath", javaRoot.toString(),
                "-g")); // as maven-compiler-plugin does: identical bytes keep the snippet cache valid
        String classPath = classPath();
        if (!classPath.isEmpty()) {
            options.addAll(List.of("-classpath", classPath));
        }
        boolean ok;
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            ok = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!ok) {
            report(diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> new Problem(config.relative(Path.of(d.getSource().toUri())) + ":" + d.getLineNumber(),
                            d.getMessage(Locale.ROOT), null))
                    .toList());
            return false;
        }
        out.printf("Compiled %d sources in %d ms%n", sources.size(), (System.nanoTime() - start) / 1_000_000);
        return true;
    }

    /** The class path this JVM's project classes were loaded with (under exec:java, an URLClassLoader). */
    private static String classPath() {
        ClassLoader loader = Preview.class.getClassLoader();
        List<String> entries = new ArrayList<>();
        while (loader != null) {
            if (loader instanceof URLClassLoader urls) {
                for (var url : urls.getURLs()) {
                    if (url.getProtocol().equals("file")) {
                        entries.add(Path.of(java.net.URI.create(url.toString())).toString());
                    }
                }
            }
            loader = loader.getParent();
        }
        String system = System.getProperty("java.class.path", "");
        if (!system.isEmpty()) {
            entries.add(system);
        }
        return String.join(java.io.File.pathSeparator, entries);
    }
}
