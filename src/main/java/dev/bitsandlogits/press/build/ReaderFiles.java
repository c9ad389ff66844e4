package dev.bitsandlogits.press.build;

import dev.bitsandlogits.press.javadoc.ApiDocs;
import dev.bitsandlogits.press.core.BuildConfig;
import dev.bitsandlogits.press.core.Edition;
import dev.bitsandlogits.press.core.Problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.List;

/**
 * The files behind the reader's tools, written once every page is converted: the offline search
 * index and the library's API documentation under {@code api/}.
 */
final class ReaderFiles {

    private ReaderFiles() {
    }

    /**
     * Drops the theme's comments and needless spaces (a third of its size): the stylesheet blocks the
     * first paint, and a chapter page must stay under 400 KB with KaTeX. The readable source is docs/theme/.
     */
    static void minifyCss(Path css) {
        if (!Files.exists(css)) {
            return;
        }
        try {
            String text = Files.readString(css, StandardCharsets.UTF_8);
            String min = text.replaceAll("(?s)/\\*.*?\\*/", "")
                    .lines().map(String::strip).filter(l -> !l.isEmpty())
                    .collect(Collectors.joining("\n"))
                    // spaces around braces, semicolons, commas and child combinators, and after colons, carry nothing
                    .replaceAll("\\s*([{};,>])\\s*", "$1")
                    .replaceAll(":\\s+", ":");
            Files.writeString(css, min + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Drops the theme script's whole-line comments, indentation and blank lines (a quarter of its
     * size). Line breaks stay, so automatic semicolon insertion reads the code exactly as written.
     */
    static void stripScript(Path js) {
        if (!Files.exists(js)) {
            return;
        }
        try {
            String text = Files.readString(js, StandardCharsets.UTF_8);
            String stripped = text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("//"))
                    .collect(Collectors.joining("\n"));
            Files.writeString(js, stripped + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the files; returns the problems found (Javadoc's complaints about the sources). */
    static List<Problem> write(BuildConfig config, Path out) {
        for (Edition edition : Edition.all(config.docsDir())) {
            SearchIndex.write(out, edition);
        }
        minifyCss(out.resolve("assets/bits-and-logits.css"));
        stripScript(out.resolve("assets/bits-and-logits.js"));
        List<Problem> problems = ApiDocs.ensure(config);
        ApiDocs.copy(config, out);
        return problems;
    }
}
