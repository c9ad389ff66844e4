package dev.bitsandlogits.press.asciidoctor;


import java.nio.file.Path;
import java.util.Map;

import org.asciidoctor.ast.Document;
import org.asciidoctor.extension.IncludeProcessor;
import org.asciidoctor.extension.PreprocessorReader;

/**
 * Refuses an {@code include::} that reads a file outside {@code docs/} — an absolute path such as
 * {@code /etc/passwd}, or a relative one that climbs out with {@code ../} — at its line, and
 * includes nothing. The book's own includes (partials under {@code docs/}) are left to
 * Asciidoctor, and so are URLs (Asciidoctor reads none: {@code allow-uri-read} is not set).
 *
 * <p>Asciidoctor's SAFE mode would refuse the same includes, but it also refuses to write a page
 * outside its base directory, and the build writes pages to a directory beside {@code site/}.
 */
public final class IncludeGuard extends IncludeProcessor {

    private final Conversion book;

    public IncludeGuard(Conversion book) {
        this.book = book;
    }

    @Override
    public boolean handles(String target) {
        if (target.contains("://") || target.contains("{")) {
            return false;
        }
        PageContext page = book.currentPage();
        if (page == null) {
            return false; // the warm-up document
        }
        Path docs = page.config.docsDir().toAbsolutePath().normalize();
        Path resolved = page.file.toAbsolutePath().getParent().resolve(target).normalize();
        return !resolved.startsWith(docs);
    }

    @Override
    public void process(Document document, PreprocessorReader reader, String target, Map<String, Object> attributes) {
        book.page().report("include::" + target, "include::" + target + " reads a file outside docs/; a page may"
                + " include only files under docs/ (code reaches a page through snippet::)");
    }
}
