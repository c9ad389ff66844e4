package dev.bitsandlogits.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("What snippets print")
class SnippetOutputTest {

    @Test
    @DisplayName("is collected from the evaluating thread and its children, never from other threads")
    void routesByThread() throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream elsewhere = new ByteArrayOutputStream();
        System.setOut(new PrintStream(elsewhere, true, Charset.defaultCharset()));
        try {
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch printed = new CountDownLatch(1);
            Thread bystander = new Thread(() -> {
                await(inside);
                System.out.println("progress line");
                printed.countDown();
            });
            bystander.start();
            SnippetOutput.Captured<String> captured = SnippetOutput.capture(() -> {
                System.out.println("from the snippet");
                Thread child = new Thread(() -> System.err.println("from its thread"));
                child.start();
                join(child);
                inside.countDown();
                await(printed);
                return "value";
            });
            bystander.join();
            assertEquals("value", captured.result());
            assertEquals("from the snippet" + System.lineSeparator() + "from its thread" + System.lineSeparator(),
                    captured.output());
            assertEquals("progress line" + System.lineSeparator(), elsewhere.toString(Charset.defaultCharset()));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
