package dev.bitsandlogits.press.core;

/**
 * One thing wrong with the book, reported as a compiler would:
 * <pre>
 * docs/01-information.adoc:42: unknown snippet tag 'chna-vs-brazil' (did you mean china-vs-brazil?)
 *     | snippet::chna-vs-brazil[]
 * </pre>
 *
 * @param location   {@code file:line} relative to the project root, or just a file when no line is known
 * @param message    what is wrong and, where possible, how to fix it
 * @param sourceLine the offending source line, quoted under the message; may be null
 */
public record Problem(String location, String message, String sourceLine) {

    public String format() {
        String head = location + ": " + message;
        return sourceLine == null ? head : head + "\n    | " + sourceLine.strip();
    }

    /** Sorted by file, then line (problems without a line first in their file); stable otherwise. */
    public static java.util.List<Problem> inSourceOrder(java.util.List<Problem> problems) {
        return problems.stream().sorted(java.util.Comparator.comparing(Problem::file).thenComparingInt(Problem::line)).toList();
    }

    String file() {
        int colon = location.lastIndexOf(':');
        return colon < 0 || !location.substring(colon + 1).matches("\\d+") ? location : location.substring(0, colon);
    }

    int line() {
        String f = file();
        return f.length() == location.length() ? 0 : Integer.parseInt(location.substring(f.length() + 1));
    }

    @Override
    public String toString() {
        return format();
    }
}
