package dev.bitsandlogits.press.snippets;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jdk.jshell.execution.RemoteExecutionControl;
import jdk.jshell.execution.Util;

/**
 * The {@code main} of the JVM in which snippets run ({@link SnippetJvm} starts it). It serves one
 * JShell after another: it reads a port from standard input, connects to the build there, and
 * executes that JShell's snippets with JShell's own remote agent until the JShell closes; then it
 * waits for the next port, so a new JShell does not cost a new JVM. Standard input at its end (the
 * build is gone) ends this JVM.
 *
 * <p>It uses the JDK only: its class is the one file on this JVM's class path; the library and the
 * listings come through JShell's class path, into each JShell's own class loader.
 */
public final class SnippetAgent {

    /** The exception class name under which a snippet that leaves a thread running fails. */
    public static final String THREAD_LEFT_RUNNING = "ThreadLeftRunning";

    private SnippetAgent() {
    }

    public static void main(String[] args) throws Exception {
        BufferedReader ports = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        for (String line = ports.readLine(); line != null; line = ports.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(line.strip()))) {
                // Commands and results are small: without this, each waits out the peer's delayed ACK.
                socket.setTcpNoDelay(true);
                Map<String, Consumer<OutputStream>> outputs = new HashMap<>();
                // Buffered, and flushed when a snippet returns ({@link Guarded#invoke}): a packet a
                // println made printing 50 MB take minutes.
                outputs.put("out", st -> System.setOut(buffered(st)));
                outputs.put("err", st -> System.setErr(buffered(st)));
                Map<String, Consumer<InputStream>> inputs = new HashMap<>();
                inputs.put("in", System::setIn);
                Util.forwardExecutionControlAndIO(new Guarded(), socket.getInputStream(), socket.getOutputStream(),
                        outputs, inputs);
            } catch (java.io.IOException e) {
                // The build closed this JShell's connection: wait for the next one.
            }
        }
        System.exit(0);
    }

    private static PrintStream buffered(OutputStream st) {
        return new PrintStream(new java.io.BufferedOutputStream(st, 1 << 16), false, StandardCharsets.UTF_8);
    }

    /**
     * JShell's remote agent, which also fails a snippet that leaves a thread of its own running
     * after it returned: nothing would ever stop that thread, and the next snippet would share the
     * JVM with it. Daemon threads (the common fork-join pool of parallel streams) do not count.
     */
    static final class Guarded extends RemoteExecutionControl {

        private static final long GRACE_MILLIS = 200;

        @Override
        public String invoke(String className, String methodName)
                throws RunException, EngineTerminationException, InternalException {
            Set<Thread> before = Thread.getAllStackTraces().keySet();
            String result;
            try {
                result = super.invoke(className, methodName);
            } finally {
                // What the snippet printed reaches the build before its result does.
                System.out.flush();
                System.err.flush();
            }
            List<Thread> left = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !before.contains(t) && !t.isDaemon() && t.isAlive()).toList();
            long deadline = System.currentTimeMillis() + GRACE_MILLIS;
            for (Thread t : left) {
                try {
                    t.join(Math.max(1, deadline - System.currentTimeMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            List<Thread> running = left.stream().filter(Thread::isAlive).toList();
            if (!running.isEmpty()) {
                throw new UserException("returned but left " + running.size() + " thread(s) running ("
                        + running.stream().map(Thread::getName).collect(Collectors.joining(", "))
                        + "); join the threads it starts, or make them daemon threads that end by themselves",
                        THREAD_LEFT_RUNNING, new StackTraceElement[0]);
            }
            return result;
        }
    }
}
