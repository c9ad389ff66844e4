package dev.bitsandlogits.press.snippets;

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
 * @param lineNumbers 1-based line number in {@code source} of each line of {@code code} (empty: unknown)
 */
public record Snippet(String tag, Path source, int firstLine, String code, List<String> imports, List<Integer> lineNumbers) {

    public Snippet(String tag, Path source, int firstLine, String code, List<String> imports) {
        this(tag, source, firstLine, code, imports, List.of());
    }

    /** {@code src/main/java/.../Information.java:48}, where the region's {@code index}-th line (0-based) is. */
    public String location(int index) {
        int line = index < lineNumbers.size() ? lineNumbers.get(index) : firstLine + index;
        return source.toString().replace('\\', '/') + ":" + line;
    }

    /** {@code src/main/java/.../Information.java:42}, the place to fix a region. */
    public String location() {
        return source.toString().replace('\\', '/') + ":" + firstLine;
    }
}
