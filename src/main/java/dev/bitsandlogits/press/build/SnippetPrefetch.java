package dev.bitsandlogits.press.build;

import dev.bitsandlogits.press.core.Edition;

import dev.bitsandlogits.press.core.BuildConfig;
import dev.bitsandlogits.press.snippets.Snippet;
import dev.bitsandlogits.press.asciidoctor.SnippetBlockMacro;
import dev.bitsandlogits.press.snippets.SnippetCache;
import dev.bitsandlogits.press.snippets.SnippetIndex;
import dev.bitsandlogits.press.snippets.SnippetResult;
import dev.bitsandlogits.press.snippets.SnippetSession;
import dev.bitsandlogits.press.snippets.SnippetStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs every page's snippets into the cache before the pages are converted, in the thread that
 * would otherwise wait for Asciidoctor to start (seconds of JRuby on one core, while JShell works
 * on the other).
 *
 * <p>It reads the {@code snippet::} and quoted {@code value:} macros of each page's source in
 * order and computes the same keys {@link PageContext} will. It needs no Asciidoctor and cannot
 * make a page wrong: where its reading of a page differs from Asciidoctor's (a macro inside a
 * comment block or a conditional, an include), its keys simply do not match and the page runs
 * its snippets itself. Problems are not reported here; the conversion reports them at their lines.
 */
final class SnippetPrefetch {

    private static final Pattern MACRO = Pattern.compile("^snippet::([A-Za-z0-9_.-]+)\\[|value:([A-Za-z0-9_.-]+)\\[\"((?:[^\"\\\\]|\\\\.)*)\"");

    private SnippetPrefetch() {
    }

    /**
     * Returns the number of snippets run. A page whose every result and value is cached already
     * (in memory, or on disk from an earlier build: {@link SnippetStore}) is skipped; when no page
     * needs JShell, {@code sessions} is never asked for one.
     */
    static int run(BuildConfig config, SnippetCache cache, Supplier<SnippetSession> sessions) {
        SnippetIndex index = SnippetIndex.scan(config.root(), config.listingsDir());
        String start = SnippetCache.start(config, index);
        cache.persistTo(SnippetStore.of(config));
        int runs = 0;
        SnippetSession session = null;
        for (Path page : Edition.pages(config.docsDir())) {
            Plan plan = plan(read(page), index, start);
            if (plan.cachedIn(cache)) {
                continue;
            }
            if (session == null) {
                session = sessions.get();
            }
            session.reset();
            for (Step step : plan.snippets()) {
                SnippetResult result = session.run(step.snippet(),
                        SnippetBlockMacro.limit(step.line()).orElse(SnippetSession.DEFAULT_LIMIT));
                runs++;
                cache.putStatements(step.chain(), result.statements());
            }
            // Expressions in value macros are evaluated right after their own snippet ran again.
            for (Value value : plan.values()) {
                session.run(value.snippet());
                runs++;
                cache.putValue(value.key(), session.value(value.expression()));
            }
        }
        if (session != null) {
            session.reset();
        }
        return runs;
    }

    /** A snippet macro of a page: its line, its snippet, and the cache key of the chain ending with it. */
    private record Step(String line, Snippet snippet, String chain) {
    }

    /** A quoted {@code value:} expression of a page, read after its snippet. */
    private record Value(Snippet snippet, String expression, String key) {
    }

    /** What a page runs ahead, in order, with each result's cache key. */
    private record Plan(List<Step> snippets, List<Value> values) {

        /** Whether every snippet and value of the page has its result in {@code cache}. */
        boolean cachedIn(SnippetCache cache) {
            return snippets.stream().allMatch(s -> cache.statements(s.chain()) != null)
                    && values.stream().allMatch(v -> cache.value(v.key()) != null);
        }
    }

    /** The page's snippet macros (outside line comments, each tag once) and its quoted values, as read here. */
    private static Plan plan(List<String> lines, SnippetIndex index, String start) {
        String chain = start;
        Map<String, String> chainAfter = new HashMap<>();
        Set<String> done = new HashSet<>();
        List<Step> steps = new java.util.ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("//")) {
                continue;
            }
            Matcher m = MACRO.matcher(line.strip());
            while (m.find()) {
                if (m.group(1) != null) {
                    Snippet snippet = index.find(m.group(1)).orElse(null);
                    if (snippet == null || !done.add(snippet.tag())) {
                        continue;
                    }
                    chain = SnippetCache.next(chain, snippet);
                    steps.add(new Step(line, snippet, chain));
                    chainAfter.put(snippet.tag(), chain);
                }
            }
        }
        List<Value> values = new java.util.ArrayList<>();
        for (String line : lines) {
            Matcher m = MACRO.matcher(line);
            while (m.find()) {
                String tag = m.group(2);
                if (tag == null || !chainAfter.containsKey(tag)) {
                    continue;
                }
                String expression = m.group(3).replace("\\]", "]").strip();
                values.add(new Value(index.find(tag).orElseThrow(), expression,
                        SnippetCache.value(chainAfter.get(tag), expression)));
            }
        }
        return new Plan(steps, values);
    }

    private static List<String> read(Path page) {
        try {
            return Files.readAllLines(page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
