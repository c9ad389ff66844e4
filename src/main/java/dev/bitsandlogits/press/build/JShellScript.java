package dev.bitsandlogits.press.build;

import dev.bitsandlogits.press.asciidoctor.PageContext;
import dev.bitsandlogits.press.snippets.SnippetResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a page's snippets, in page order, as a JShell script a reader can {@code /open}. There is
 * no {@code /exit} at the end, so the reader stays at the prompt with every variable defined.
 * Each region starts with a {@value #MARKER} line; tests split the script there.
 */
public final class JShellScript {

    /** Starts each region; a region expected to throw says so on the same line. */
    public static final String MARKER = "//// snippet ";
    public static final String EXPECT = "expected to throw ";

    private JShellScript() {
    }

    static void write(Path target, String page, List<SnippetResult> results, PageContext context) {
        Set<String> imports = new LinkedHashSet<>();
        results.forEach(r -> imports.addAll(r.snippet().imports()));
        StringBuilder script = new StringBuilder();
        script.append("// Bits & Logits, ").append(page).append(": every snippet of the page, in page order.\n")
                .append("// From a clone:      ./mvnw -q compile jshell:run -Djshell.scripts=site/jshell/").append(page).append(".jsh\n")
                .append("// With only a JDK:   jshell --class-path bits-and-logits.jar ").append(page).append(".jsh\n\n");
        imports.forEach(i -> script.append(i).append('\n'));
        for (SnippetResult r : results) {
            String expected = context.expectedFailure(r.snippet().tag());
            script.append('\n').append(MARKER).append(r.snippet().tag())
                    .append(expected == null ? "" : " (" + EXPECT + expected + ")").append('\n')
                    .append(r.snippet().code());
        }
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(target, script, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
