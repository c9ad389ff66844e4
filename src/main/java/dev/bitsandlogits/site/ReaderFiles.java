package dev.bitsandlogits.site;

import java.nio.file.Path;

/**
 * The files behind the reader's tools, written once every page is converted: the offline search
 * index and the library's API documentation under {@code api/}.
 */
final class ReaderFiles {

    private ReaderFiles() {
    }

    static void write(BuildConfig config, Path out) {
        SearchIndex.write(out, BookPages.scan(config.docsDir()));
    }
}
