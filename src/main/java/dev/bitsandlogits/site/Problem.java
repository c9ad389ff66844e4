package dev.bitsandlogits.site;

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

    @Override
    public String toString() {
        return format();
    }
}
