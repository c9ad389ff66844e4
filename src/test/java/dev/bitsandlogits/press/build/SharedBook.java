package dev.bitsandlogits.press.build;

import dev.bitsandlogits.press.build.Book;

import java.io.PrintStream;

/** One warm Asciidoctor for all site tests in this JVM: starting one costs seconds. */
public final class SharedBook {

    private static Book book;

    private SharedBook() {
    }

    public static synchronized Book get() {
        if (book == null) {
            book = new Book(new PrintStream(PrintStream.nullOutputStream()));
            Runtime.getRuntime().addShutdownHook(new Thread(book::close));
        }
        return book;
    }
}
