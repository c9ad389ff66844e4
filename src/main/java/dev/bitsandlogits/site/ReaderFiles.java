package dev.bitsandlogits.site;

import java.nio.file.Path;
import java.util.List;

/**
 * The files behind the reader's tools, written once every page is converted: the offline search
 * index and the library's API documentation under {@code api/}.
 */
final class ReaderFiles {

    private ReaderFiles() {
    }

    /** Writes the files; returns the problems found (Javadoc's complaints about the sources). */
    static List<Problem> write(BuildConfig config, Path out) {
        SearchIndex.write(out, BookPages.scan(config.docsDir()));
        List<Problem> problems = ApiDocs.ensure(config);
        ApiDocs.copy(config, out);
        return problems;
    }
}
