package dev.bitsandlogits.press.build;

import dev.bitsandlogits.press.core.BuildConfig;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Builds the website: {@code ./mvnw package} runs this in the package phase.
 * <pre>
 * SiteBuilder [--root DIR] [--quiet]
 * SiteBuilder --warm-up [--root DIR] [--goals="[clean, package]"]
 * </pre>
 * On failure it prints every problem as {@code docs/file.adoc:line: message} and fails without
 * touching the existing {@code site/}.
 *
 * <p>{@code --warm-up} (bound to Maven's process-classes phase) starts JRuby, Asciidoctor and the
 * snippets while the tests run, when {@code --goals} reach the package phase; the package-phase
 * run then builds with them (see {@link WarmBuild}).
 */
public final class SiteBuilder {

    private static final String USAGE = "usage: SiteBuilder [--root DIR] [--quiet] | --warm-up [--root DIR] [--goals=LIST]";

    private SiteBuilder() {
    }

    public static void main(String[] args) {
        Path root = Path.of(".");
        boolean quiet = false;
        boolean warmUp = false;
        String goals = "[package]";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--root" -> root = Path.of(value(args, ++i));
                case "--quiet", "-q" -> quiet = true;
                case "--warm-up" -> warmUp = true;
                default -> {
                    if (!args[i].startsWith("--goals=")) {
                        throw new IllegalArgumentException("unknown argument " + args[i] + "; " + USAGE);
                    }
                    goals = args[i].substring("--goals=".length());
                }
            }
        }
        BuildConfig config = BuildConfig.standard(root);
        if (warmUp) {
            if (WarmBuild.reachesPackage(goals)) {
                WarmBuild.launch(config);
            }
            return;
        }
        Integer status = WarmBuild.claim(config, quiet);
        if (status == null) {
            status = build(config, quiet, HeadStart.begin(config));
        }
        if (status != 0) {
            // Exit here rather than throw: Maven would bury the problems under its own stack of
            // ERROR lines. The exit status still fails the build.
            System.exit(status);
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value; " + USAGE);
        }
        return args[i];
    }

    /** Builds the site with what {@code head} started; returns the exit status (0, or 1 after printing the problems). */
    static int build(BuildConfig config, boolean quiet, HeadStart head) {
        PrintStream out = System.out;
        PrintStream progress = quiet ? new PrintStream(PrintStream.nullOutputStream()) : out;
        try (Book book = head.book(progress)) {
            head.awaitSnippets(book, progress);
            Book.BuildReport report = book.build(config);
            out.println(report.summary() + " → " + config.relative(config.siteDir().resolve("index.html")));
            return 0;
        } catch (Book.BuildFailedException e) {
            System.err.println();
            e.problems().forEach(p -> System.err.println(p.format()));
            System.err.println();
            Book.BuildReport report = e.report();
            System.err.printf("Site build FAILED: %d problem%s in %d pages (%d snippets run) in %.1f s; site/ was left as it was.%n",
                    e.problems().size(), e.problems().size() == 1 ? "" : "s", report.pages().size(), report.executed(),
                    report.nanos() / 1e9);
            return 1;
        }
    }
}
