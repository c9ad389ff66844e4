package dev.bitsandlogits.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
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

    /** Returns the number of snippets run. */
    static int run(BuildConfig config, SnippetCache cache, SnippetSession session) {
        SnippetIndex index = SnippetIndex.scan(config.root(), config.listingsDir());
        String start = SnippetCache.start(config, index);
        int runs = 0;
        for (Path page : Book.pages(config.docsDir())) {
            session.reset();
            String chain = start;
            Map<String, String> chainAfter = new HashMap<>();
            Set<String> done = new HashSet<>();
            for (String line : read(page)) {
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
                        SnippetResult result = session.run(snippet, SnippetBlockMacro.limit(line).orElse(SnippetSession.DEFAULT_LIMIT));
                        runs++;
                        cache.putStatements(chain, result.statements());
                        chainAfter.put(snippet.tag(), chain);
                    }
                }
            }
            // Expressions in value macros are evaluated right after their own snippet ran again.
            for (String line : read(page)) {
                Matcher m = MACRO.matcher(line);
                while (m.find()) {
                    String tag = m.group(2);
                    if (tag == null || !chainAfter.containsKey(tag)) {
                        continue;
                    }
                    String expression = m.group(3).replace("\\]", "]").strip();
                    session.run(index.find(tag).orElseThrow());
                    runs++;
                    cache.putValue(SnippetCache.value(chainAfter.get(tag), expression), session.value(expression));
                }
            }
        }
        session.reset();
        return runs;
    }

    private static java.util.List<String> read(Path page) {
        try {
            return Files.readAllLines(page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
