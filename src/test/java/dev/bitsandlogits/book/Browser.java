package dev.bitsandlogits.book;

import dev.bitsandlogits.press.preview.Preview;
import dev.bitsandlogits.press.build.SearchIndex;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Debian Chromium for the browser tests, and the built site served from a static HTTP
 * server on 127.0.0.1. Every other host fails at DNS inside the browser, and the performance log
 * records each request, so a test can assert that nothing left the machine.
 */
final class Browser implements AutoCloseable {

    static final String INSTALL = "apt-get install -y chromium chromium-driver";

    final Path site;
    final String origin;
    final ChromeDriver driver;
    private final HttpServer server;
    private final Path profile;

    private Browser(Path site, HttpServer server, ChromeDriver driver, Path profile) {
        this.site = site;
        this.server = server;
        this.driver = driver;
        this.profile = profile;
        this.origin = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /**
     * Starts the server and the browser. Without Chromium or chromedriver the calling test is
     * skipped with the command that installs them, except on CI ({@code CI=true}), where it fails.
     */
    /**
     * Why the browser tests cannot run here (no Chromium or chromedriver), with the command that
     * installs them; null when they can. On CI ({@code CI=true}) a missing browser fails instead.
     */
    static String missing() {
        String chromium = System.getProperty("chromium.binary", "/usr/bin/chromium");
        String chromedriver = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");
        if (new File(chromium).canExecute() && new File(chromedriver).canExecute()) {
            return null;
        }
        String message = "headless browser tests need " + chromium + " and " + chromedriver + ": " + INSTALL;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message + " (CI=true: a missing browser fails the build)");
        }
        return message;
    }

    static Browser start() {
        Path site = siteDir();
        String chromium = System.getProperty("chromium.binary", "/usr/bin/chromium");
        String chromedriver = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");
        String absent = missing();
        assumeTrue(absent == null, absent);
        HttpServer server = serve(site);
        Path profile;
        try {
            profile = Files.createTempDirectory("chromium-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,900", "--allow-file-access-from-files",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(chromedriver))
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.get("about:blank");
        return new Browser(site, server, driver, profile);
    }

    static Path siteDir() {
        Path site = Path.of(System.getProperty("site.dir", "site"));
        if (!Files.exists(site.resolve("index.html"))) {
            fail("no built site at " + site.toAbsolutePath() + ": run ./mvnw package first (the ITs test site/)");
        }
        return site;
    }

    /** The book's pages: every HTML file at the site's top level (the Javadoc under api/ is not ours). */
    static List<String> pages() {
        try (Stream<Path> files = Files.list(siteDir())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".html")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every edition's pages: the original's ({@link #pages()}), then {@code zh-CN/01-information.html} and the like. */
    static List<String> allPages() {
        List<String> all = new ArrayList<>(pages());
        try (Stream<Path> dirs = Files.list(siteDir())) {
            for (Path dir : dirs.filter(d -> Files.isDirectory(d) && d.getFileName().toString().matches("[a-z]{2,3}(-[A-Za-z0-9]+)*")
                    && Files.exists(d.resolve("search-index.js"))).sorted().toList()) {
                try (Stream<Path> files = Files.list(dir)) {
                    files.map(p -> dir.getFileName() + "/" + p.getFileName()).filter(n -> n.endsWith(".html")).sorted().forEach(all::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    /** The language of a page of {@link #allPages()}: its directory's name, or en. */
    static String lang(String page) {
        return page.contains("/") ? page.substring(0, page.indexOf('/')) : "en";
    }

    /** The way from a page of {@link #allPages()} back to the site's root. */
    static String root(String page) {
        return page.contains("/") ? "../" : "";
    }

    /**
     * Loads a page and returns once it is the document in the window and has loaded (our deferred
     * script has run). chromedriver's get() alone sometimes returns while the previous page is
     * still the document.
     */
    void open(String page) {
        driver.get(origin + page);
        waitFor("location.href === " + SearchIndex.string(origin + page) + " && document.readyState === 'complete'");
    }

    void waitFor(String condition) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!Boolean.TRUE.equals(driver.executeScript("return !!(" + condition + ")"))) {
            if (System.currentTimeMillis() > deadline) {
                fail("timed out waiting for " + condition + " on " + driver.getCurrentUrl() + "; console: " + consoleErrors());
            }
            sleep(50);
        }
    }

    Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** Console messages at SEVERE (errors, failed loads) since the last call. */
    List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(e.getMessage());
            }
        }
        return errors;
    }

    /** URLs requested since the last call, and those answered with an error status, from the performance log. */
    Requests requests() {
        Requests r = new Requests(new ArrayList<>(), new ArrayList<>());
        Json json = new Json();
        for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) {
            Map<String, Object> message = json.toType(e.getMessage(), Map.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> inner = (Map<String, Object>) message.get("message");
            String method = String.valueOf(inner.get("method"));
            @SuppressWarnings("unchecked")
            Map<String, Object> params = (Map<String, Object>) inner.get("params");
            if (method.equals("Network.requestWillBeSent")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> request = (Map<String, Object>) params.get("request");
                r.urls().add(String.valueOf(request.get("url")));
            } else if (method.equals("Network.responseReceived")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> response = (Map<String, Object>) params.get("response");
                Number status = (Number) response.get("status");
                if (status != null && status.intValue() >= 400) {
                    r.failed().add(status + " " + response.get("url"));
                }
            } else if (method.equals("Network.loadingFailed")) {
                r.failed().add(params.get("errorText") + " (request " + params.get("requestId") + ")");
            }
        }
        return r;
    }

    record Requests(List<String> urls, List<String> failed) {
        /** Network requests to anything but the loopback server (data:, file: and chrome:// stay in the machine). */
        List<String> external() {
            return urls.stream().filter(u -> u.matches("(?i)^(https?|wss?|ftp)://.*"))
                    .filter(u -> !u.matches("(?i)^[a-z]+://127\\.0\\.0\\.1(:\\d+)?(/.*)?$")).toList();
        }
    }

    /** A static file server for {@code site}, like the ones readers use; only GET and HEAD. */
    private static HttpServer serve(Path site) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            Path root = site.toAbsolutePath().normalize();
            server.createContext("/", exchange -> handle(root, exchange));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void handle(Path root, HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = URI.create(exchange.getRequestURI().toString()).getPath();
            Path file = root.resolve(path.substring(1)).normalize();
            if (Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", Preview.contentType(file.getFileName().toString()));
            byte[] body = Files.readAllBytes(file);
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(200, head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }



    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            server.stop(0);
            try (Stream<Path> walk = Files.walk(profile)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a leftover temporary profile is harmless
            }
        }
    }
}
