package dev.bitsandlogits.press.preview;

import dev.bitsandlogits.press.build.SharedBook;

import dev.bitsandlogits.press.core.BuildConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Preview (watch mode)")
class PreviewIT {

    private static final Path PROJECT = Path.of("").toAbsolutePath();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    /** A fixture book of {@code pages} (name, then content, in turns) against the project's listings. */
    private BuildConfig book(String... pages) throws IOException {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        for (int i = 0; i < pages.length; i += 2) {
            Files.writeString(docs.resolve(pages[i]), pages[i + 1]);
        }
        return new BuildConfig(dir, docs, PROJECT.resolve("src/main/java/dev/bitsandlogits/listings"),
                PROJECT.resolve("target/classes"), dir.resolve("site"), PROJECT.resolve("docs/theme"));
    }

    @Test
    @DisplayName("rebuilds a saved page, reloads the browser, and shows a failure until the next good save")
    void liveReload() throws Exception {
        BuildConfig config = book("one.adoc", "= One\n\nFirst version.\n");
        Path page = config.docsDir().resolve("one.adoc");
        try (Preview preview = Preview.start(config, SharedBook.get(), 0, new PrintStream(PrintStream.nullOutputStream()))) {
            String base = "http://127.0.0.1:" + preview.port() + "/";
            HttpResponse<String> first = http.send(HttpRequest.newBuilder(URI.create(base + "one.html")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, first.statusCode());
            assertTrue(first.body().contains("First version.") && first.body().contains("/__preview/client.js"));
            assertTrue(!Files.readString(dir.resolve("site/one.html")).contains("__preview"),
                    "the reload client is added when serving, not written into site/");

            BlockingQueue<String> events = listen(http, base + "__preview/events");
            Files.writeString(page, "= One\n\nSecond version.\n");
            assertEquals("reload", events.poll(20, TimeUnit.SECONDS));
            assertTrue(http.send(HttpRequest.newBuilder(URI.create(base + "one.html")).build(),
                    HttpResponse.BodyHandlers.ofString()).body().contains("Second version."));

            Files.writeString(page, "= One\n\nsnippet::no-such-tag[]\n");
            assertEquals("problems", events.poll(20, TimeUnit.SECONDS));
            assertTrue(events.poll(5, TimeUnit.SECONDS).startsWith("docs/one.adoc:3: unknown snippet tag 'no-such-tag'"));

            Files.writeString(page, "= One\n\nThird version.\n");
            assertEquals("reload", events.poll(20, TimeUnit.SECONDS));
        }
    }

    @Test
    @DisplayName("ignores editors' temporary files, and rebuilds only the page an editor saves by renaming a new copy over it")
    void editorsFiles() throws Exception {
        BuildConfig config = book("one.adoc", "= One\n\nFirst version.\n", "two.adoc", "= Two\n\nThe other page.\n");
        Path docs = config.docsDir();
        Path page = docs.resolve("one.adoc");
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        try (Preview preview = Preview.start(config, SharedBook.get(), 0, new PrintStream(log, true, StandardCharsets.UTF_8))) {
            BlockingQueue<String> events = listen(http, "http://127.0.0.1:" + preview.port() + "/__preview/events");
            // vim's write probe and swap file, a backup, emacs's lock and auto-save files, sed -i's temporary file
            for (String name : new String[] {"4913", ".one.adoc.swp", "one.adoc~", ".#one.adoc", "#one.adoc#", "sedX1y2Z3"}) {
                Path temp = docs.resolve(name);
                Files.writeString(temp, "= One\n\nnot a page\n");
                Files.delete(temp);
            }
            assertEquals(null, events.poll(2, TimeUnit.SECONDS), "no rebuild for editors' files");

            Path copy = docs.resolve("sedA1b2C3");
            Files.writeString(copy, "= One\n\nSecond version.\n");
            Files.move(copy, page, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            assertEquals("reload", events.poll(20, TimeUnit.SECONDS));
            assertTrue(Files.readString(dir.resolve("site/one.html")).contains("Second version."));
            String output = log.toString(StandardCharsets.UTF_8);
            assertTrue(output.contains("Rebuilt docs/one.adoc in "), output);
            assertEquals(1, output.split("Rebuilt book in ", -1).length - 1, "only the first build is of the whole book: " + output);
        }
    }

    @Test
    @DisplayName("serves GET and HEAD only, HEAD with GET's length and no body, nosniff, icons typed; a taken port is named")
    void server() throws Exception {
        BuildConfig config = book("index.adoc", "= Home\n\nA page.\n");
        try (Preview preview = Preview.start(config, SharedBook.get(), 0, new PrintStream(PrintStream.nullOutputStream()))) {
            String base = "http://127.0.0.1:" + preview.port() + "/";
            HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(base)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, get.statusCode());
            assertEquals("nosniff", get.headers().firstValue("X-Content-Type-Options").orElse(null));
            HttpResponse<String> head = http.send(HttpRequest.newBuilder(URI.create(base)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, head.statusCode());
            assertEquals("", head.body());
            assertEquals(String.valueOf(get.body().getBytes(StandardCharsets.UTF_8).length),
                    head.headers().firstValue("Content-Length").orElse(null));
            for (String method : List.of("POST", "PUT", "DELETE")) {
                HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(base + "index.html"))
                        .method(method, HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(405, refused.statusCode(), method);
                assertEquals("GET, HEAD", refused.headers().firstValue("Allow").orElse(null), method);
            }
            for (String[] icon : new String[][] {{"favicon.ico", "image/x-icon"}, {"assets/favicon.svg", "image/svg+xml"}}) {
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + icon[0])).build(), HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, r.statusCode(), icon[0]);
                assertEquals(icon[1], r.headers().firstValue("Content-Type").orElse(null), icon[0]);
            }
            assertFalse(Preview.portFree(preview.port()));
            java.net.BindException taken = assertThrows(java.net.BindException.class,
                    () -> Preview.start(config, SharedBook.get(), preview.port(), new PrintStream(PrintStream.nullOutputStream())));
            assertTrue(taken.getMessage().contains("-Dpreview.port="), taken.getMessage());
        }
    }

    @Test
    @DisplayName("a tab that stops reading its event stream is dropped; rebuilds and the other tabs go on")
    void stalledClient() throws Exception {
        BuildConfig config = book("index.adoc", "= Home\n\nA page.\n");
        try (Preview preview = Preview.start(config, SharedBook.get(), 0, new PrintStream(PrintStream.nullOutputStream()));
             java.net.Socket stalled = new java.net.Socket("127.0.0.1", preview.port())) {
            stalled.setReceiveBufferSize(4096);
            stalled.getOutputStream().write(("GET /__preview/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            stalled.getOutputStream().flush();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (preview.clients() < 1 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(1, preview.clients(), "the stalled tab's stream is open");
            String big = "x".repeat(64 * 1024);
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                for (int i = 0; i < 200; i++) {
                    preview.broadcast("problems", big); // 12.8 MB that nobody reads
                }
            }, "broadcasting blocked on a tab that does not read");
            deadline = System.nanoTime() + 10_000_000_000L;
            while (preview.clients() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(0, preview.clients(), "the stalled tab was dropped");
            BlockingQueue<String> events = listen(http, "http://127.0.0.1:" + preview.port() + "/__preview/events");
            Files.writeString(config.docsDir().resolve("index.adoc"), "= Home\n\nA new version.\n");
            assertEquals("reload", events.poll(20, TimeUnit.SECONDS));
        }
    }

    @Test
    @DisplayName("a snippet that hangs fails the rebuild at its line; the preview keeps serving and recovers on the next good save")
    void hangingSnippet() throws Exception {
        Path listing = dir.resolve("src/main/java/Fixture.java");
        Files.createDirectories(listing.getParent());
        Files.writeString(listing, String.join("\n", "class Fixture {", "  static void f() throws Exception {",
                "    // tag::fixture-sleep[]", "    Thread.sleep(600_000);", "    // end::fixture-sleep[]",
                "    // tag::fixture-fine[]", "    double fine = Math.sqrt(2);", "    // end::fixture-fine[]", "  }", "}"));
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("index.adoc"), "= Home\n\nsnippet::fixture-fine[]\n");
        BuildConfig config = new BuildConfig(dir, docs, listing.getParent(), PROJECT.resolve("target/classes"),
                dir.resolve("site"), PROJECT.resolve("docs/theme"));
        try (Preview preview = Preview.start(config, SharedBook.get(), 0, new PrintStream(PrintStream.nullOutputStream()))) {
            String base = "http://127.0.0.1:" + preview.port() + "/";
            BlockingQueue<String> events = listen(http, base + "__preview/events");
            Files.writeString(docs.resolve("index.adoc"), "= Home\n\nText.\n\nsnippet::fixture-sleep[timeout=2]\n");
            assertEquals("problems", events.poll(60, TimeUnit.SECONDS));
            String problem = events.poll(5, TimeUnit.SECONDS);
            assertTrue(problem.startsWith("docs/index.adoc:5: snippet 'fixture-sleep' ran longer than its time limit of 2 s"), problem);
            assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(base)).build(), HttpResponse.BodyHandlers.ofString()).statusCode(),
                    "still serving");
            Files.writeString(docs.resolve("index.adoc"), "= Home\n\nsnippet::fixture-fine[]\n\nFixed.\n");
            assertEquals("reload", events.poll(60, TimeUnit.SECONDS));
            assertTrue(Files.readString(dir.resolve("site/index.html")).contains("Fixed."));
        }
    }

    /** Event names, and the first data line after a "problems" event, as they arrive. */
    private static BlockingQueue<String> listen(HttpClient http, String url) throws Exception {
        BlockingQueue<String> events = new ArrayBlockingQueue<>(100);
        HttpResponse<java.io.InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        Thread t = new Thread(() -> {
            try {
                String line;
                boolean wantData = false;
                while ((line = reader.readLine()) != null) {
                    if (line.startsWith("event: ")) {
                        events.add(line.substring(7));
                        wantData = line.endsWith("problems");
                    } else if (wantData && line.startsWith("data: ")) {
                        events.add(line.substring(6));
                        wantData = false;
                    }
                }
            } catch (IOException e) {
                // stream closed with the server
            }
        });
        t.setDaemon(true);
        t.start();
        return events;
    }
}
