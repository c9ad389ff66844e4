package dev.bitsandlogits.press.build;

import dev.bitsandlogits.press.snippets.Snippet;
import dev.bitsandlogits.press.snippets.SnippetAgent;
import dev.bitsandlogits.press.snippets.SnippetResult;
import dev.bitsandlogits.press.snippets.SnippetSession;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Snippets run in a JVM of their own: what a misbehaving snippet does ends there, is reported as
 * a fault of that snippet, and the next page gets a working JShell again.
 */
@DisplayName("a snippet session")
class SnippetFaultsIT {

    private static SnippetSession session;

    @BeforeAll
    static void start() {
        session = new SnippetSession(Path.of("target/classes"));
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    private static Snippet snippet(String code) {
        return new Snippet("t", Path.of("src/main/java/dev/bitsandlogits/listings/Fault.java"), 10, code, List.of());
    }

    private static SnippetResult run(String code, Duration limit) {
        session.reset();
        return session.run(snippet(code), limit);
    }

    private static SnippetResult.Statement failure(SnippetResult result) {
        return result.failure().orElseThrow(() -> new AssertionError("no failure in " + result.statements()));
    }

    private static void worksAgain() {
        SnippetResult after = run("double two = Math.sqrt(4);", Duration.ofSeconds(30));
        assertEquals("2.0", after.statements().get(0).value(), "the next page's JShell works");
    }

    @Test
    @DisplayName("a variable declared again, or again after a page's snippets were dropped, has its new value")
    void redeclaration() {
        SnippetResult first = run("double w = 1;\ndouble z = w + 1;\ndouble w = 5;\ndouble y = w * 3;", Duration.ofSeconds(30));
        assertEquals(List.of("1.0", "2.0", "5.0", "15.0"), first.statements().stream().map(SnippetResult.Statement::value).toList());
        session.reset();
        SnippetResult second = session.run(snippet("int w = 2;\ndouble y = w * 3;"), Duration.ofSeconds(30));
        assertEquals(List.of("2", "6.0"), second.statements().stream().map(SnippetResult.Statement::value).toList());
    }

    @Test
    @DisplayName("System.exit ends the snippet's JVM, not the build's")
    void exit() {
        SnippetResult result = run("int before = 1;\nSystem.exit(3);\nint after = 2;", Duration.ofSeconds(30));
        SnippetResult.Statement exit = failure(result);
        assertEquals(SnippetSession.JVM_ENDED, exit.exceptionType());
        assertTrue(exit.exception().contains("status 3"), exit.exception());
        assertEquals("System.exit(3);", exit.source());
        assertTrue(result.faulted());
        assertEquals(SnippetSession.SESSION_LOST, failure(session.run(snippet("int more = 3;"), Duration.ofSeconds(30))).exceptionType(),
                "a later snippet of the same page does not run");
        worksAgain();
    }

    @Test
    @DisplayName("a busy loop and a long sleep are stopped at the time limit")
    void timeLimit() {
        for (String code : List.of("while (true) { }", "Thread.sleep(600_000);")) {
            long start = System.nanoTime();
            SnippetResult.Statement over = failure(run(code, Duration.ofMillis(1500)));
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(SnippetSession.TIME_LIMIT, over.exceptionType(), code);
            assertTrue(over.exception().contains("1.5 s"), over.exception());
            assertTrue(seconds < 15, code + " took " + seconds + " s to stop");
            worksAgain();
        }
    }

    @Test
    @DisplayName("the time limit counts the whole snippet, not each statement")
    void limitIsPerSnippet() {
        SnippetResult result = run("Thread.sleep(700);\nThread.sleep(700);\nThread.sleep(700);", Duration.ofMillis(1500));
        assertEquals(SnippetSession.TIME_LIMIT, failure(result).exceptionType());
        worksAgain();
    }

    @Test
    @DisplayName("filling the heap ends the snippet's JVM with a message about memory")
    void outOfMemory() {
        SnippetResult.Statement oom = failure(run(
                "var hoard = new java.util.ArrayList<long[]>();\nwhile (true) hoard.add(new long[10_000_000]);",
                Duration.ofSeconds(60)));
        assertEquals(SnippetSession.JVM_ENDED, oom.exceptionType());
        assertTrue(oom.exception().contains("ran out of memory"), oom.exception());
        worksAgain();
    }

    @Test
    @DisplayName("a stack overflow is an ordinary exception of the snippet")
    void stackOverflow() {
        session.reset();
        assertNotNull(session.run(snippet("int deep(int n) { return deep(n + 1) + 1; }"), Duration.ofSeconds(30)));
        SnippetResult.Statement overflow = failure(session.run(snippet("deep(0);"), Duration.ofSeconds(30)));
        assertEquals("StackOverflowError", overflow.exceptionType());
        assertFalse(SnippetSession.FAULTS.contains(overflow.exceptionType()));
        worksAgain();
    }

    @Test
    @DisplayName("a thread left running fails the snippet and ends its JVM")
    void runawayThread() {
        SnippetResult.Statement left = failure(run(
                "Thread spinner = new Thread(() -> { while (true) { } }, \"spinner\");\nspinner.start();",
                Duration.ofSeconds(30)));
        assertEquals(SnippetAgent.THREAD_LEFT_RUNNING, left.exceptionType());
        assertTrue(left.exception().contains("spinner"), left.exception());
        worksAgain();
        SnippetResult joined = run("Thread quick = new Thread(() -> { });\nquick.start();\nquick.join();", Duration.ofSeconds(30));
        assertTrue(joined.failure().isEmpty(), "a thread that ends is fine: " + joined.statements());
    }

    @Test
    @DisplayName("output past the cap is cut, with the number of lines left out")
    void outputCap() {
        int lines = 200_000;
        SnippetResult result = run("for (int i = 0; i < " + lines + "; i++) System.out.println(\"line \" + i);",
                Duration.ofSeconds(60));
        assertTrue(result.failure().isEmpty());
        String out = result.statements().get(0).output();
        assertTrue(out.length() <= SnippetSession.OUTPUT_CAP + 200, "kept " + out.length() + " characters");
        List<String> shown = out.lines().toList();
        String note = shown.get(shown.size() - 1);
        assertTrue(note.startsWith("… ") && note.contains(" more lines"), note);
        long more = Long.parseLong(note.substring(2, note.indexOf(' ', 2)));
        assertEquals(lines, shown.size() - 1 + more, "shown plus cut lines");
        assertEquals("line " + (shown.size() - 2), shown.get(shown.size() - 2), "the kept lines are whole and in order");
    }
}
