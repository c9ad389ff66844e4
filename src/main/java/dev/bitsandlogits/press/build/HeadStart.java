package dev.bitsandlogits.press.build;

import dev.bitsandlogits.press.javadoc.ApiDocs;
import dev.bitsandlogits.press.asciidoctor.AsciidoctorStart;
import dev.bitsandlogits.press.core.BuildConfig;
import dev.bitsandlogits.press.snippets.SnippetCache;
import dev.bitsandlogits.press.snippets.SnippetSession;
import dev.bitsandlogits.press.asciidoctor.WidgetCompiler;

import java.io.PrintStream;

/**
 * The slow starts of a build, begun together so that they overlap: JRuby + Asciidoctor (seconds
 * on one core), a JShell that runs every page's snippets into the cache the pages will read (none,
 * and no JShell, for pages whose results the last build left in {@link SnippetStore}), and
 * the library's Javadoc (on the other). {@link #book} and {@link #awaitSnippets} wait for them.
 */
final class HeadStart {

    private final long start = System.nanoTime();
    private final SnippetCache cache = new SnippetCache();
    private final Thread snippets;
    private final Thread asciidoctor;
    private volatile SnippetSession session;
    private volatile int prefetched;
    private volatile long prefetchNanos;
    private volatile long asciidoctorNanos;
    private volatile Book book;
    private volatile RuntimeException bookFailure;

    private HeadStart(BuildConfig config) {
        snippets = new Thread(() -> {
            try {
                // No JShell (and no snippet JVM) when every page's results are on disk from the last build.
                prefetched = SnippetPrefetch.run(config, cache, () -> session = SnippetSession.warm(config.classesDir()));
            } catch (RuntimeException e) {
                // The conversion runs whatever is missing and reports any problem at its line.
            }
            prefetchNanos = System.nanoTime() - start;
            // Problems are reported by the build, which asks again (ApiDocs remembers the answer).
            ApiDocs.ensure(config);
            // TeaVM for the widgets whose classes changed (usually none: WidgetCompiler's cache), not
            // waited for: a page that needs a script waits for the compile under way, then reads the cache.
            Thread widgets = new Thread(() -> WidgetCompiler.prefetch(config), "widget-prefetch");
            widgets.setDaemon(true);
            widgets.setContextClassLoader(HeadStart.class.getClassLoader());
            widgets.start();
        }, "jshell-prefetch-javadoc");
        asciidoctor = new Thread(() -> {
            try {
                AsciidoctorStart.oneShot();
                Book started = new Book(new PrintStream(PrintStream.nullOutputStream()), cache, config.root());
                started.warmUp();
                book = started;
            } catch (RuntimeException e) {
                bookFailure = e;
            }
            asciidoctorNanos = System.nanoTime() - start;
        }, "asciidoctor-start");
        for (Thread thread : new Thread[] {snippets, asciidoctor}) {
            thread.setDaemon(true);
            // Not the creator's: a Maven exec class loader is closed when its execution ends.
            thread.setContextClassLoader(HeadStart.class.getClassLoader());
        }
    }

    /** Starts both in daemon threads and returns at once. */
    static HeadStart begin(BuildConfig config) {
        HeadStart head = new HeadStart(config);
        head.snippets.start();
        head.asciidoctor.start();
        return head;
    }

    /** Waits for Asciidoctor; the book's progress lines go to {@code progress} from now on. */
    Book book(PrintStream progress) {
        join(asciidoctor);
        if (bookFailure != null) {
            throw bookFailure;
        }
        book.progressTo(progress);
        progress.printf("Asciidoctor ready in %d ms%n", asciidoctorNanos / 1_000_000);
        return book;
    }

    /** Waits for the snippets run ahead and hands their JShell to the book. */
    void awaitSnippets(Book book, PrintStream progress) {
        join(snippets);
        progress.printf("Snippets run ahead in parallel: %d in %d ms (%s)%n", prefetched,
                prefetchNanos / 1_000_000, session != null ? "JShell start included" : "no JShell started");
        book.ranAhead(prefetched);
        if (session != null) {
            book.adoptSession(session);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + thread.getName(), e);
        }
    }
}
