package dev.bitsandlogits.press.snippets;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
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
 * One JShell for one page: the page's snippets run in order, as they do when a reader
 * {@code /open}s the page's {@code .jsh} script, so what the page shows is what the reader will see.
 * JShell compiles here; the snippets execute in a JVM of their own ({@link SnippetJvm}), so no
 * snippet can end, hang, or exhaust the build's JVM. Each snippet has a time limit
 * ({@link #DEFAULT_LIMIT}, or {@code snippet::tag[timeout=30]}); what it prints is kept up to
 * {@link #OUTPUT_CAP} bytes.
 */
public final class SnippetSession implements AutoCloseable {

    /**
     * Snippets (dropped ones included) after which {@link #reset} starts a new JShell rather than
     * dropping them: JShell keeps every class it compiled, and each evaluation that looks up a
     * simple name lists them all again (its package is purged after every compilation). Past a
     * page or two that costs more than a new JShell's cold start (measured over the book's 63
     * snippets: 3.6 s of CPU instead of 4.3 s; starting a new JShell for every page, 3.6 s too).
     * A new JShell reuses the running snippet JVM.
     */
    private static final int FRESH_AFTER = 40;

    /** A snippet's time limit unless its macro says {@code timeout=}; {@code -Dbitsandlogits.snippetTimeout=} seconds. */
    public static final Duration DEFAULT_LIMIT = Duration.ofMillis(
            (long) (1000 * Double.parseDouble(System.getProperty("bitsandlogits.snippetTimeout", "10"))));
    /** What one statement may print before the rest is cut (with a note saying how many lines). */
    public static final int OUTPUT_CAP = 100 * 1024;

    /** Faults of the snippet JVM rather than exceptions of the code: no {@code expect=} can make them right. */
    public static final String TIME_LIMIT = "TimeLimit";
    public static final String JVM_ENDED = "JvmEnded";
    public static final String SESSION_LOST = "SessionLost";
    /** How the value of an expression after a fault starts: no value could be read. */
    static final String NOT_RUN = "not run: ";
    public static final java.util.Set<String> FAULTS = java.util.Set.of(TIME_LIMIT, JVM_ENDED, SESSION_LOST,
            SnippetAgent.THREAD_LEFT_RUNNING);

    private static final java.util.concurrent.ScheduledExecutorService WATCHDOG =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "snippet-watchdog");
                t.setDaemon(true);
                return t;
            });

    /** The first JShell: its source analysis splits every page's code into statements. It evaluates nothing. */
    private final JShell first;
    private final SourceCodeAnalysis analysis;
    /** The JShell that evaluates, in {@link #jvm}; null until the first evaluation after a reset. */
    private JShell jshell;
    private final List<String> importsDone = new ArrayList<>();
    private final SnippetJvm jvm = new SnippetJvm();
    private final SnippetJvm.CappedOutput output = new SnippetJvm.CappedOutput(OUTPUT_CAP);
    private final PrintStream outputStream = output.printStream();
    /** Why this page's JShell is gone (a snippet ended or outran it), until the next {@link #reset}; or null. */
    private String lost;
    /** Set when the evaluating JShell shut down: its JVM ended (which the process may not show yet). */
    private volatile boolean ended;

    private final Path classesDir;

    public SnippetSession(Path classesDir) {
        this.classesDir = classesDir;
        this.first = JShell.builder().executionEngine(new LocalExecutionControlProvider(), Map.of()).build();
        this.first.addToClasspath(classesDir.toAbsolutePath().toString());
        this.analysis = first.sourceCodeAnalysis();
    }

    private JShell evaluator() {
        if (jshell == null) {
            jshell = JShell.builder()
                    .executionEngine(jvm.provider(), Map.of())
                    .out(outputStream).err(outputStream).in(java.io.InputStream.nullInputStream())
                    .build();
            jshell.addToClasspath(classesDir.toAbsolutePath().toString());
            ended = false;
            jshell.onShutdown(j -> ended = true);
        }
        return jshell;
    }

    public Path classesDir() {
        return classesDir;
    }

    /**
     * Forgets everything evaluated so far, for the next page: drops the snippets, or starts a new
     * JShell once this one holds {@link #FRESH_AFTER} (its first evaluations are slower: ~3× for
     * the first ten, so a page or two of a live preview keeps dropping instead), or once a snippet
     * ended the last one.
     */
    public void reset() {
        if (jshell != null && (lost != null || !jvm.alive() || jshell.snippets().count() >= FRESH_AFTER)) {
            closeEvaluator();
        } else if (jshell != null) {
            jshell.snippets().filter(s -> jshell.status(s).isActive()).forEach(jshell::drop);
        }
        lost = null;
        importsDone.clear();
    }

    private void closeEvaluator() {
        if (jshell != null) {
            try {
                jshell.close();
            } catch (RuntimeException e) {
                // its JVM is gone already
            }
            jshell = null;
        }
    }

    /** A session with JShell's compiler and the library already warmed up by a throw-away evaluation. */
    public static SnippetSession warm(Path classesDir) {
        SnippetSession session = new SnippetSession(classesDir);
        session.evaluator().eval("double warm = Math.log1p(1e-3);");
        session.analysis.analyzeCompletion("double x = 1; double y = 2;");
        session.reset();
        return session;
    }



    /** {@link #run(Snippet, Duration)} with the default time limit. */
    public SnippetResult run(Snippet snippet) {
        return run(snippet, DEFAULT_LIMIT);
    }

    /**
     * Executes {@code snippet}'s region after its file's imports, within {@code limit}; never
     * throws for anything the code does: a failure is a statement with an exception, or with one
     * of the {@link #FAULTS}.
     */
    public SnippetResult run(Snippet snippet, Duration limit) {
        long start = System.nanoTime();
        deadline = start + limit.toNanos();
        this.limit = limit;
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

    private long deadline = Long.MAX_VALUE;
    private Duration limit = DEFAULT_LIMIT;

    /** One statement, as the first of {@link #evaluateAll}'s results. */
    private SnippetResult.Statement evaluateStatement(String source) {
        return evaluateAll(source).get(0);
    }

    /**
     * Evaluates one complete source unit. Usually that is one statement; {@code double x = 1, y = 0;}
     * declares two variables, and JShell reports each, so each gets its own line on the page.
     */
    private List<SnippetResult.Statement> evaluateAll(String source) {
        String code = source.strip();
        if (lost != null) {
            return List.of(fault(code, "", SESSION_LOST, lost));
        }
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            return List.of(overTime(code, ""));
        }
        JShell evaluating;
        try {
            evaluating = evaluator();
        } catch (IllegalStateException e) {
            lost = "its JShell could not start: " + e.getMessage() + jvm.stderr();
            return List.of(fault(code, "", JVM_ENDED, lost));
        }
        java.util.concurrent.ScheduledFuture<?> watch = WATCHDOG.schedule(jvm::kill, remaining,
                java.util.concurrent.TimeUnit.NANOSECONDS);
        List<SnippetEvent> events;
        try {
            events = evaluating.eval(source);
        } catch (IllegalStateException e) {
            events = List.of();
        } finally {
            watch.cancel(false);
        }
        String output = this.output.take();
        if (ended || !jvm.alive()) {
            return List.of(ended(code, output));
        }

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
                String why = evaluating.diagnostics(event.snippet())
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
                if (SnippetAgent.THREAD_LEFT_RUNNING.equals(type)) {
                    // Nothing can stop that thread but the end of its JVM.
                    closeEvaluator();
                    jvm.kill();
                    lost = NOT_RUN + "an earlier snippet on this page left a thread running";
                    message = e.getMessage();
                }
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


    private static SnippetResult.Statement fault(String code, String output, String type, String message) {
        return new SnippetResult.Statement(code, null, null, output, type, message, null);
    }

    private SnippetResult.Statement overTime(String code, String output) {
        lost = NOT_RUN + "an earlier snippet on this page outran its time limit";
        return fault(code, output, TIME_LIMIT, "ran longer than its time limit of " + seconds(limit)
                + " and was stopped (its JVM was ended); if it needs longer, give its macro timeout=SECONDS");
    }

    /** The statement whose evaluation ended the snippet JVM: over time, System.exit, out of memory, or a crash. */
    private SnippetResult.Statement ended(String code, String output) {
        closeEvaluator();
        if (jvm.killed()) {
            return overTime(code, output);
        }
        Integer status = jvm.exitStatus();
        String said = jvm.stderr();
        String why;
        if (said.contains("OutOfMemoryError")) {
            why = "ran out of memory (the snippet JVM has -Xmx" + SnippetJvm.heap() + "; -D" + SnippetJvm.HEAP_PROPERTY
                    + "= gives it more)";
        } else if (status != null && status > 128) {
            why = "crashed the JVM it runs in (signal " + (status - 128) + ")" + said;
        } else {
            why = "ended the JVM it runs in (System.exit or Runtime.halt" + (status == null ? "" : ", status " + status)
                    + "); a snippet must not exit";
        }
        lost = NOT_RUN + "an earlier snippet on this page ended its JShell";
        return fault(code, output, JVM_ENDED, why);
    }

    private static String seconds(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis / 1000.0 + " s";
    }

    /** A value for the prose: JShell's rendering of it (strings unquoted), or why there is none. */
    public record Value(String text, String error) {
    }

    /**
     * The value of {@code expression} (a variable name or any Java expression) in this session.
     * A plain variable is read without evaluating anything, so it leaves no trace in the session.
     */
    public Value value(String expression) {
        if (lost != null) {
            return new Value(null, lost);
        }
        JShell evaluating = evaluator();
        Optional<String> variable = evaluating.variables()
                .filter(v -> v.name().equals(expression) && evaluating.status(v).isActive())
                .reduce((a, b) -> b)
                .map(evaluating::varValue);
        if (variable.isPresent()) {
            return new Value(unquote(variable.get()), null);
        }
        deadline = System.nanoTime() + DEFAULT_LIMIT.toNanos();
        limit = DEFAULT_LIMIT;
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

    public static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    @Override
    public void close() {
        closeEvaluator();
        first.close();
        jvm.close();
    }

}
