package dev.bitsandlogits.press.snippets;

import dev.bitsandlogits.press.core.ChildJvm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jdk.jshell.execution.StreamingExecutionControl;
import jdk.jshell.execution.Util;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * The JVM in which snippets run, apart from the build's own: whatever a snippet does — call
 * {@code System.exit}, loop, sleep, fill the heap, start threads that never end, crash — it does
 * there. The build's JShell compiles each snippet and sends its classes over a loopback socket to
 * {@link SnippetAgent}, JShell's remote agent; a snippet that runs past its time limit is ended by
 * ending this JVM, and the next JShell gets a new one.
 *
 * <p>One JVM serves one JShell after another ({@link #provider()}): each JShell has its own class
 * loader there, so a new JShell costs no JVM start (~0.5 s of CPU). Evaluating over the socket
 * costs what evaluating in the build's JVM does (measured: 300 statements in 7.2–7.6 s remote,
 * 7.4 s local, on a busy 2-core host); JShell's default JDI engine took 190 ms a statement.
 *
 * <p>Its heap is {@code -Dbitsandlogits.snippetHeap} (default 512m).
 */
final class SnippetJvm implements AutoCloseable {

    static final String HEAP_PROPERTY = "bitsandlogits.snippetHeap";
    private static final int CONNECT_MILLIS = 60_000;
    private static final int STDERR_KEPT = 4096;

    /** The snippet JVM's maximum heap, as {@code -Xmx} takes it. */
    static String heap() {
        return System.getProperty(HEAP_PROPERTY, "512m");
    }

    private Process process;
    private final ByteArrayOutputStream stderrTail = new ByteArrayOutputStream();
    private volatile boolean killed;
    private Thread drain;

    /** A JShell execution engine in this JVM, started if it is not running. */
    ExecutionControlProvider provider() {
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "bitsandlogits-snippet-jvm";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) throws IOException {
                return connect(env);
            }
        };
    }

    private synchronized ExecutionControl connect(ExecutionEnv env) throws IOException {
        if (process == null || !process.isAlive()) {
            start();
        }
        Process target = process;
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            OutputStream ports = target.getOutputStream();
            ports.write((listener.getLocalPort() + "\n").getBytes(StandardCharsets.US_ASCII));
            ports.flush();
            // Short waits, so that a JVM that ended before connecting (a bad class path, no memory) is
            // reported at once rather than after the whole connect time.
            listener.setSoTimeout(250);
            Socket connected = null;
            long deadline = System.nanoTime() + CONNECT_MILLIS * 1_000_000L;
            while (connected == null) {
                try {
                    connected = listener.accept();
                } catch (java.net.SocketTimeoutException waiting) {
                    if (!target.isAlive()) {
                        throw new IOException("the snippet JVM ended before it connected (exit " + target.exitValue() + ")");
                    }
                    if (System.nanoTime() > deadline) {
                        throw waiting;
                    }
                }
            }
            Socket socket = connected;
            socket.setTcpNoDelay(true);
            Map<String, OutputStream> outputs = Map.of("out", env.userOut(), "err", env.userErr());
            Map<String, InputStream> inputs = Map.of("in", InputStream.nullInputStream());
            return Util.remoteInputOutput(socket.getInputStream(), socket.getOutputStream(), outputs, inputs,
                    (in, out) -> new StreamingExecutionControl(out, in) {
                        /**
                         * Classes cannot be redefined in the snippet JVM (JShell's JDI engine does that
                         * through JDI). Saying so makes JShell load a redeclared variable's wrapper
                         * under a new name, as the local engine does; forwarded, the agent's answer
                         * was taken as done, and {@code double w = 5} after {@code double w = 1} kept 1.
                         */
                        @Override
                        public void redefine(ClassBytecodes[] cbcs) throws NotImplementedException {
                            throw new NotImplementedException("redefine is not supported by the snippet JVM");
                        }

                        @Override
                        public void close() {
                            super.close();
                            try {
                                socket.close();
                            } catch (IOException e) {
                                // closing anyway
                            }
                        }
                    });
        } catch (IOException e) {
            kill();
            throw new IOException("the snippet JVM did not connect" + stderr(), e);
        }
    }

    private void start() throws IOException {
        List<String> command = ChildJvm.java(heap(), "snippets");
        command.addAll(List.of("-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8",
                "-cp", agentClassPath().toString(), SnippetAgent.class.getName()));
        // Its own output (snippets print through JShell): the JVM's last words on OutOfMemoryError or a crash.
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        killed = false;
        synchronized (stderrTail) {
            stderrTail.reset();
        }
        process = builder.start();
        Process started = process;
        drain = new Thread(() -> drainStderr(started), "snippet-jvm-stderr");
        drain.setDaemon(true);
        drain.start();
    }

    private void drainStderr(Process p) {
        byte[] buffer = new byte[4096];
        try (InputStream err = p.getInputStream()) { // standard output and error, merged
            for (int n = err.read(buffer); n >= 0; n = err.read(buffer)) {
                synchronized (stderrTail) {
                    if (stderrTail.size() + n > STDERR_KEPT) {
                        byte[] kept = stderrTail.toByteArray();
                        stderrTail.reset();
                        int keep = Math.max(0, STDERR_KEPT - n);
                        stderrTail.write(kept, Math.max(0, kept.length - keep), Math.min(keep, kept.length));
                    }
                    stderrTail.write(buffer, 0, Math.min(n, STDERR_KEPT));
                }
            }
        } catch (IOException e) {
            // the JVM is gone
        }
    }

    /** The last lines the snippet JVM wrote to its standard error, as " (JVM said: …)", or "". */
    String stderr() {
        String tail;
        synchronized (stderrTail) {
            tail = stderrTail.toString(StandardCharsets.UTF_8).strip();
        }
        if (tail.isEmpty()) {
            return "";
        }
        List<String> lines = tail.lines().toList();
        return " (the JVM said: " + String.join(" / ", lines.subList(Math.max(0, lines.size() - 3), lines.size())) + ")";
    }

    /** Ends the snippet JVM at once (a snippet over its time limit); the next JShell starts another. */
    synchronized void kill() {
        killed = true;
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether {@link #kill} ended the current JVM. */
    boolean killed() {
        return killed;
    }

    /** Whether the snippet JVM is running. */
    synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    /** The exit status of a JVM that ended by itself, waiting up to two seconds for it to end; or null. */
    Integer exitStatus() {
        Process p;
        synchronized (this) {
            p = process;
        }
        if (p == null) {
            return null;
        }
        try {
            if (p.waitFor(2, java.util.concurrent.TimeUnit.SECONDS)) {
                Thread reading = drain;
                if (reading != null) {
                    reading.join(1000); // its last words, e.g. "Terminating due to java.lang.OutOfMemoryError"
                }
                return p.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    @Override
    public synchronized void close() {
        if (process != null) {
            try {
                process.getOutputStream().close();
            } catch (IOException e) {
                // ending it below
            }
            try {
                if (!process.waitFor(2, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** {@link SnippetAgent}'s classes alone: the library and listings reach the snippet JVM through JShell only. */
    private static synchronized Path agentClassPath() {
        // Asked again at each start: something may have cleaned the temporary directory meanwhile.
        return ChildJvm.classesAlone("snippet-agent", SnippetAgent.class, SnippetAgent.Guarded.class);
    }

    /**
     * A stream for a JShell's output that keeps what one evaluation printed, up to {@code cap}
     * bytes; past that it counts the lines it drops. {@link #take} returns the text and starts over.
     */
    static final class CappedOutput extends OutputStream {
        private final int cap;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private long droppedLines;
        private boolean dropping;

        CappedOutput(int cap) {
            this.cap = cap;
        }

        PrintStream printStream() {
            return new PrintStream(this, true, StandardCharsets.UTF_8);
        }

        @Override
        public synchronized void write(int b) {
            if (kept.size() < cap) {
                kept.write(b);
            } else {
                if (!dropping) {
                    dropping = true;
                    droppedLines++;
                }
                if (b == '\n') {
                    dropping = false;
                }
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            int room = Math.max(0, Math.min(length, cap - kept.size()));
            kept.write(bytes, offset, room);
            for (int i = offset + room; i < offset + length; i++) {
                if (!dropping) {
                    dropping = true;
                    droppedLines++;
                }
                if (bytes[i] == '\n') {
                    dropping = false;
                }
            }
        }

        /** What was written since the last call, with a last line saying how many lines were cut. */
        synchronized String take() {
            String text = kept.toString(StandardCharsets.UTF_8);
            if (droppedLines > 0) {
                // A line cut at the cap counts as dropped; end the kept text at the last whole line.
                int end = text.lastIndexOf('\n');
                text = (end >= 0 ? text.substring(0, end + 1) : "")
                        + "… " + droppedLines + " more line" + (droppedLines == 1 ? "" : "s")
                        + " (output is cut at " + cap / 1024 + " KB)\n";
            }
            kept.reset();
            droppedLines = 0;
            dropping = false;
            return text;
        }
    }
}
