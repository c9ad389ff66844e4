package dev.bitsandlogits.site;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.function.Supplier;

/**
 * What snippets print. {@code System.out} and {@code System.err} are replaced once by streams
 * that send the output of a thread evaluating a snippet (and of the threads it starts, such as
 * JShell's execution thread) to that evaluation's buffer, and everything else to the stream that
 * was there before.
 *
 * <p>Swapping {@code System.out} around each evaluation instead is a race: while JShell runs
 * snippets ahead, the build's other threads print progress and read {@code System.out}; one of
 * them could keep a snippet's buffer as its output for good, or put its line into a snippet's.
 */
final class SnippetOutput {

    private static final InheritableThreadLocal<OutputStream> TARGET = new InheritableThreadLocal<>();
    private static final Charset CHARSET = Charset.forName(
            System.getProperty("sun.stdout.encoding", Charset.defaultCharset().name()));

    private SnippetOutput() {
    }

    /** Runs {@code evaluation}, collecting what it prints; returns the result and the text. */
    static <T> Captured<T> capture(Supplier<T> evaluation) {
        install();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        OutputStream previous = TARGET.get();
        TARGET.set(buffer);
        try {
            T result = evaluation.get();
            return new Captured<>(result, buffer.toString(CHARSET));
        } finally {
            TARGET.set(previous);
        }
    }

    record Captured<T>(T result, String output) {
    }

    /** Puts the routing streams in place, again if something replaced them since. */
    private static synchronized void install() {
        if (!(System.out instanceof Routing)) {
            System.setOut(new Routing(System.out));
        }
        if (!(System.err instanceof Routing)) {
            System.setErr(new Routing(System.err));
        }
    }

    private static final class Routing extends PrintStream {

        Routing(PrintStream fallback) {
            super(new OutputStream() {
                @Override
                public void write(int b) {
                    OutputStream target = TARGET.get();
                    if (target != null) {
                        write(target, new byte[] {(byte) b}, 0, 1);
                    } else {
                        fallback.write(b);
                    }
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                    OutputStream target = TARGET.get();
                    if (target != null) {
                        write(target, bytes, offset, length);
                    } else {
                        fallback.write(bytes, offset, length);
                    }
                }

                @Override
                public void flush() {
                    if (TARGET.get() == null) {
                        fallback.flush();
                    }
                }

                private void write(OutputStream target, byte[] bytes, int offset, int length) {
                    try {
                        target.write(bytes, offset, length);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }, true, CHARSET);
        }
    }
}
