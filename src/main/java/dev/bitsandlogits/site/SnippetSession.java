package dev.bitsandlogits.site;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet.Kind;
import jdk.jshell.Snippet.Status;
import jdk.jshell.Snippet.SubKind;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.VarSnippet;
import jdk.jshell.execution.LocalExecutionControlProvider;

/**
 * One JShell, in this JVM, for one page: the page's snippets run in order, as they do when a
 * reader {@code /open}s the page's {@code .jsh} script, so what the page shows is what the
 * reader will see. The local execution engine costs milliseconds a snippet, where the default
 * JDI engine costs a forked JVM and ~190 ms.
 */
final class SnippetSession implements AutoCloseable {

    /**
     * Snippets (dropped ones included) after which {@link #reset} starts a new JShell rather than
     * dropping them: JShell keeps every class it compiled, and each evaluation that looks up a
     * simple name lists them all again (its package is purged after every compilation). Past a
     * page or two that costs more than a new JShell's cold start (measured over the book's 63
     * snippets: 3.6 s of CPU instead of 4.3 s; starting a new JShell for every page, 3.6 s too).
     */
    private static final int FRESH_AFTER = 40;

    /** The first JShell: its source analysis splits every page's code into statements. */
    private final JShell first;
    private final SourceCodeAnalysis analysis;
    /** The JShell that evaluates: {@link #first}, or a newer one after a {@link #reset}. */
    private JShell jshell;
    private final List<String> importsDone = new ArrayList<>();

    private final Path classesDir;

    SnippetSession(Path classesDir) {
        this.classesDir = classesDir;
        this.first = newJShell(classesDir);
        this.jshell = first;
        this.analysis = first.sourceCodeAnalysis();
    }

    private static JShell newJShell(Path classesDir) {
        JShell jshell = JShell.builder()
                .executionEngine(new LocalExecutionControlProvider(), Map.of())
                .build();
        jshell.addToClasspath(classesDir.toAbsolutePath().toString());
        return jshell;
    }

    Path classesDir() {
        return classesDir;
    }

    /**
     * Forgets everything evaluated so far, for the next page: drops the snippets, or starts a new
     * JShell once this one holds {@link #FRESH_AFTER} (its first evaluations are slower: ~3× for
     * the first ten, so a page or two of a live preview keeps dropping instead).
     */
    void reset() {
        if (jshell.snippets().count() >= FRESH_AFTER) {
            if (jshell != first) {
                jshell.close();
            }
            jshell = newJShell(classesDir);
        } else {
            jshell.snippets().filter(s -> jshell.status(s).isActive()).forEach(jshell::drop);
        }
        importsDone.clear();
    }

    /** A session with JShell's compiler and the library already warmed up by a throw-away evaluation. */
    static SnippetSession warm(Path classesDir) {
        SnippetSession session = new SnippetSession(classesDir);
        session.jshell.eval("double warm = Math.log1p(1e-3);");
        session.analysis.analyzeCompletion("double x = 1; double y = 2;");
        session.reset();
        return session;
    }



    /** Executes {@code snippet}'s region after its file's imports; never throws for user code errors. */
    SnippetResult run(Snippet snippet) {
        long start = System.nanoTime();
        List<SnippetResult.Statement> statements = new ArrayList<>();
        for (String imp : snippet.imports()) {
            if (!importsDone.contains(imp)) {
                SnippetResult.Statement s = evaluateStatement(imp);
                if (s.failed()) {
                    statements.add(s);
                    return record(snippet, statements, start);
                }
                importsDone.add(imp);
            }
        }
        List<String> units = units(snippet.code());
        String split = units.stream().filter(u -> u.startsWith(SPLIT)).findFirst().map(u -> u.substring(SPLIT.length())).orElse(null);
        if (split != null) {
            statements.add(new SnippetResult.Statement(split, null, null, "", null, null,
                    "the jshell tool reads a script line by line and runs '" + split.lines().reduce((x, y) -> y).orElse(split).strip()
                    + "' as a complete statement (it adds the missing semicolon), so the next line would run on its own;"
                    + " end that line with the operator or an open parenthesis instead"));
            return record(snippet, statements, start);
        }
        for (String unit : units) {
            List<SnippetResult.Statement> evaluated = unit.startsWith(INCOMPLETE)
                    ? List.of(new SnippetResult.Statement(unit.substring(INCOMPLETE.length()).strip(), null, null, "",
                            null, null, "incomplete code at the end of the region"))
                    : evaluateAll(unit);
            statements.addAll(evaluated);
            if (evaluated.stream().anyMatch(SnippetResult.Statement::failed)) {
                break;
            }
        }
        return record(snippet, statements, start);
    }

    private SnippetResult record(Snippet snippet, List<SnippetResult.Statement> statements, long start) {
        return new SnippetResult(snippet, List.copyOf(statements), System.nanoTime() - start);
    }

    private static final String INCOMPLETE = "\u0000incomplete\u0000";
    private static final String SPLIT = "\u0000split\u0000";

    /**
     * Splits code into the units the {@code jshell} tool evaluates when it reads the code from a
     * script: it reads line by line and evaluates as soon as what it has is complete — where a
     * missing semicolon counts as complete. So {@code double x = a} followed by a line
     * {@code + b;} is two units in the tool (and the second does not compile), though javac and a
     * whole-text analysis see one statement. Splitting the same way keeps the page, the
     * {@code .jsh} script and the reader's JShell in agreement: such a region fails the build.
     */
    List<String> units(String code) {
        List<String> units = new ArrayList<>();
        String pending = "";
        for (String line : code.split("\n", -1)) {
            pending = pending.isEmpty() ? line : pending + "\n" + line;
            CompletionInfo info = analysis.analyzeCompletion(pending);
            while (info.completeness().isComplete()) {
                // javac-checked listing code ends every statement with ';' — a unit that is complete only
                // because JShell adds the semicolon is a statement the tool cut short at a line end.
                boolean cut = info.completeness() == SourceCodeAnalysis.Completeness.COMPLETE_WITH_SEMI;
                units.add(cut ? SPLIT + pending.strip() : info.source());
                pending = info.remaining();
                if (pending.isBlank()) {
                    break;
                }
                info = analysis.analyzeCompletion(pending);
            }
            if (pending.isBlank()) {
                pending = "";
            }
        }
        if (!pending.isBlank()) {
            units.add(INCOMPLETE + pending);
        }
        return units;
    }

    /** One statement, as the first of {@link #evaluateAll}'s results. */
    private SnippetResult.Statement evaluateStatement(String source) {
        return evaluateAll(source).get(0);
    }

    /**
     * Evaluates one complete source unit. Usually that is one statement; {@code double x = 1, y = 0;}
     * declares two variables, and JShell reports each, so each gets its own line on the page.
     */
    private List<SnippetResult.Statement> evaluateAll(String source) {
        SnippetOutput.Captured<List<SnippetEvent>> captured = SnippetOutput.capture(() -> jshell.eval(source));
        List<SnippetEvent> events = captured.result();
        String output = captured.output();
        String code = source.strip();
        List<SnippetResult.Statement> statements = new ArrayList<>();
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue;
            }
            // Printed output belongs to the unit as a whole: show it once, with the first line.
            String printed = statements.isEmpty() ? output : "";
            if (event.status() == Status.REJECTED) {
                // javac's multi-line diagnostics ("cannot find symbol / symbol: variable x / location: class")
                // become one line; the location of a JShell wrapper class means nothing to a reader.
                String why = jshell.diagnostics(event.snippet())
                        .map(d -> d.getMessage(Locale.ROOT).lines().map(String::strip)
                                .filter(l -> !l.startsWith("location:")).collect(Collectors.joining(", ")))
                        .collect(Collectors.joining("; "));
                return List.of(new SnippetResult.Statement(code, null, null, output, null, null,
                        why.isEmpty() ? "rejected by JShell" : why));
            }
            if (event.exception() != null) {
                Exception e = event.exception();
                String type = e instanceof EvalException ee ? simpleName(ee.getExceptionClassName())
                        : e.getClass().getSimpleName();
                String message = e.getMessage() == null ? type : type + ": " + e.getMessage();
                statements.add(new SnippetResult.Statement(code, null, null, printed, type, message, null));
                return statements;
            }
            if (event.snippet().subKind() == SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                    || event.snippet().kind() == Kind.EXPRESSION) {
                // A bare expression: JShell names it $n, which means nothing to a reader.
                statements.add(new SnippetResult.Statement(code, null, event.value(), printed, null, null, null));
            } else if (event.snippet().kind() == Kind.VAR) {
                statements.add(new SnippetResult.Statement(code, ((VarSnippet) event.snippet()).name(), event.value(),
                        printed, null, null, null));
            }
        }
        if (statements.isEmpty()) {
            statements.add(new SnippetResult.Statement(code, null, null, output, null, null, null));
        }
        return statements;
    }


    /** A value for the prose: JShell's rendering of it (strings unquoted), or why there is none. */
    record Value(String text, String error) {
    }

    /**
     * The value of {@code expression} (a variable name or any Java expression) in this session.
     * A plain variable is read without evaluating anything, so it leaves no trace in the session.
     */
    Value value(String expression) {
        Optional<String> variable = jshell.variables()
                .filter(v -> v.name().equals(expression) && jshell.status(v).isActive())
                .reduce((a, b) -> b)
                .map(jshell::varValue);
        if (variable.isPresent()) {
            return new Value(unquote(variable.get()), null);
        }
        SnippetResult.Statement s = evaluateStatement(expression + ";");
        if (s.rejected() != null) {
            return new Value(null, s.rejected());
        }
        if (s.exception() != null) {
            return new Value(null, "threw " + s.exception());
        }
        if (s.value() == null) {
            return new Value(null, "has no value");
        }
        return new Value(unquote(s.value()), null);
    }

    static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    @Override
    public void close() {
        if (jshell != first) {
            jshell.close();
        }
        first.close();
    }

}
