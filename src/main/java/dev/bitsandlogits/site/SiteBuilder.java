package dev.bitsandlogits.site;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Builds the website: {@code ./mvnw package} runs this in the package phase.
 * <pre>
 * SiteBuilder [--root DIR] [--quiet]
 * </pre>
 * On failure it prints every problem as {@code docs/file.adoc:line: message} and fails without
 * touching the existing {@code site/}.
 */
public final class SiteBuilder {

    private SiteBuilder() {
    }

    public static void main(String[] args) {
        Path root = Path.of(".");
        boolean quiet = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--root" -> root = Path.of(args[++i]);
                case "--quiet", "-q" -> quiet = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; usage: SiteBuilder [--root DIR] [--quiet]");
            }
        }
        BuildConfig config = BuildConfig.standard(root);
        PrintStream out = System.out;
        PrintStream progress = quiet ? new PrintStream(PrintStream.nullOutputStream()) : out;
        long start = System.nanoTime();
        // Starting JRuby + Asciidoctor takes seconds on one core; meanwhile the other core warms
        // JShell up and runs every page's snippets into the cache the pages will read (and the
        // Book starts V8 with KaTeX on a thread of its own, half a second).
        SnippetCache cache = new SnippetCache();
        SnippetSession[] warm = new SnippetSession[1];
        long[] prefetch = new long[2];
        Thread warmUp = new Thread(() -> {
            long t = System.nanoTime();
            warm[0] = SnippetSession.warm(config.classesDir());
            try {
                prefetch[0] = SnippetPrefetch.run(config, cache, warm[0]);
            } catch (RuntimeException e) {
                // The conversion runs whatever is missing and reports any problem at its line.
            }
            prefetch[1] = System.nanoTime() - t;
        }, "jshell-prefetch");
        warmUp.setDaemon(true);
        warmUp.start();
        try (Book book = new Book(progress, cache)) {
            progress.printf("Asciidoctor ready in %d ms%n", (System.nanoTime() - start) / 1_000_000);
            book.warmUp();
            try {
                warmUp.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            progress.printf("Snippets run ahead in parallel: %d in %d ms (JShell start included)%n", prefetch[0],
                    prefetch[1] / 1_000_000);
            if (warm[0] != null) {
                book.adoptSession(warm[0]);
            }
            Book.BuildReport report = book.build(config);
            out.println(report.summary() + " → " + config.relative(config.siteDir().resolve("index.html")));
        } catch (Book.BuildFailedException e) {
            System.err.println();
            e.problems().forEach(p -> System.err.println(p.format()));
            System.err.println();
            Book.BuildReport report = e.report();
            System.err.printf("Site build FAILED: %d problem%s in %d pages (%d snippets run) in %.1f s; site/ was left as it was.%n",
                    e.problems().size(), e.problems().size() == 1 ? "" : "s", report.pages().size(), report.executed(),
                    report.nanos() / 1e9);
            // Exit here rather than throw: Maven would bury the list above under its own stack of
            // ERROR lines. The exit status still fails the build.
            System.exit(1);
        }
    }
}
