package dev.bitsandlogits.press.math;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import com.caoccao.javet.enums.JSRuntimeType;
import com.caoccao.javet.interop.V8Host;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.interop.loader.JavetLibLoader;
import com.caoccao.javet.values.reference.V8ValueObject;

/**
 * The {@code main} of the JVM in which KaTeX runs ({@link MathTypesetter} starts it): one V8
 * runtime, created once on this JVM's main thread, used for every formula and never closed; the
 * JVM ends when the build closes its standard input. V8 lives apart from the build's JVM because
 * V8 runtimes created on further threads of one JVM crash it on CPUs with memory protection keys
 * ({@code pku}); here there is one runtime, one thread, and a crash would end this JVM alone.
 *
 * <p>Protocol, on standard input and output: first a status frame (ready, or why not); then for
 * each request {@code (byte display, utf tex)} one frame {@code (byte kind, int position, utf text)}
 * where kind is {@link #HTML}, {@link #TEX_ERROR} (KaTeX's message and position) or {@link #FAULT}.
 * Strings are length-prefixed UTF-8.
 */
public final class KatexServer {

    static final byte HTML = 0;
    static final byte TEX_ERROR = 1;
    static final byte FAULT = 2;

    private KatexServer() {
    }

    /** {@code args[0]}: the class-path resource of {@code katex.min.js}; {@code args[1]}: the typesetting function. */
    public static void main(String[] args) throws IOException {
        // Frames go to the real standard output; anything V8 or Javet print goes to standard error.
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        System.setOut(System.err);
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        V8Runtime v8;
        try {
            v8 = start(args[0], args[1]);
        } catch (Throwable e) {
            Throwable why = e;
            while (why.getCause() != null) {
                why = why.getCause();
            }
            frame(out, FAULT, -1, String.valueOf(why.getMessage() == null ? why : why.getMessage()));
            return;
        }
        frame(out, HTML, 0, "ready");
        while (true) {
            boolean display;
            String tex;
            try {
                display = in.readBoolean();
                tex = readString(in);
            } catch (EOFException e) {
                System.exit(0);
                return;
            }
            try (V8ValueObject result = v8.getGlobalObject().invoke("typeset", tex, display)) {
                String error = result.getString("error");
                if (error == null) {
                    frame(out, HTML, 0, result.getString("html"));
                } else {
                    frame(out, TEX_ERROR, result.getInteger("position"), error);
                }
            } catch (Exception e) {
                frame(out, FAULT, -1, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }

    private static V8Runtime start(String katexResource, String typesetJs) throws Exception {
        // Asked first, so that a missing library is one line of ours, not Javet's stack traces.
        new JavetLibLoader(JSRuntimeType.V8).getResourceFileName();
        V8Host host = V8Host.getV8Instance();
        if (!host.isLibraryLoaded()) {
            Throwable why = host.getLastException();
            throw new IllegalStateException(why == null ? "Javet's native library did not load" : why.getMessage(), why);
        }
        V8Runtime v8 = host.createV8Runtime();
        try (InputStream js = KatexServer.class.getClassLoader().getResourceAsStream(katexResource)) {
            if (js == null) {
                throw new IOException(katexResource + " is not on the class path; is the katex webjar in pom.xml?");
            }
            v8.getExecutor(new String(js.readAllBytes(), StandardCharsets.UTF_8)).setResourceName("katex.min.js").executeVoid();
        }
        v8.getExecutor(typesetJs).executeVoid();
        return v8;
    }

    static void frame(DataOutputStream out, byte kind, int position, String text) throws IOException {
        out.writeByte(kind);
        out.writeInt(position);
        writeString(out, text);
        out.flush();
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readString(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
