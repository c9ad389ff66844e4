package dev.bitsandlogits.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
