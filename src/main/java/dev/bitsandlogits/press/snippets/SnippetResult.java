package dev.bitsandlogits.press.snippets;

import java.util.List;
import java.util.Optional;

/**
 * What executing one snippet produced, statement by statement.
 *
 * @param snippet    the region that ran
 * @param statements each complete statement of the region with its value, output or exception
 * @param nanos      execution time
 */
public record SnippetResult(Snippet snippet, List<Statement> statements, long nanos) {

    /**
     * One statement as JShell evaluated it.
     *
     * @param source    the statement's code
     * @param name      the variable it declared ({@code china}), a temporary ({@code $3}) for a bare
     *                  expression, or null for a statement without a value
     * @param value     JShell's rendering of the value, or null
     * @param output    what the statement printed to {@code System.out}/{@code System.err}; empty if nothing
     * @param exception {@code SimpleName: message} of an exception it threw, or null
     * @param rejected  why JShell refused the statement (compile errors), or null
     */
    public record Statement(String source, String name, String value, String output, String exceptionType,
                     String exception, String rejected) {

        boolean failed() {
            return exception != null || rejected != null;
        }
    }

    /**
     * Whether a statement met a fault of the snippet JVM ({@link SnippetSession#FAULTS}: a time
     * limit, an exit, a thread left running): such a result depends on more than the code, so the
     * cache keeps it for one build only.
     */
    public boolean faulted() {
        return statements.stream().anyMatch(s -> s.exceptionType() != null && SnippetSession.FAULTS.contains(s.exceptionType()));
    }

    /** The first statement that threw or was rejected. */
    public Optional<Statement> failure() {
        return statements.stream().filter(Statement::failed).findFirst();
    }
}
