package dev.bitsandlogits.site;

import java.nio.file.Path;
import java.util.List;

/**
 * A tagged region of a {@code listings} class: the code a chapter shows and executes.
 *
 * @param tag         the region's name, as in {@code // tag::china-vs-brazil[]}
 * @param source      the Java file, relative to the project root (for messages)
 * @param firstLine   1-based line number of the region's first code line in {@code source}
 * @param code        the region's code, common indentation removed, tag lines dropped
 * @param imports     the file's import declarations, in file order (JShell needs them too)
 */
record Snippet(String tag, Path source, int firstLine, String code, List<String> imports) {

    /** {@code src/main/java/.../Information.java:42}, the place to fix a region. */
    String location() {
        return source.toString().replace('\\', '/') + ":" + firstLine;
    }
}
