package dev.bitsandlogits.book;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * axe-core, run inside the page by Deque's Selenium integration, in both themes.
 *
 * <p>axe costs 1.5–9 s a page (its tree of a chapter's DOM, then colour contrast over every text
 * node; it is single-threaded in the page), so every check runs ahead, before the tests, shared
 * between this class's browser and a second one: two renderers on two cores. Each test then
 * reports the result of its own page and theme.
 */
@DisplayName("Accessibility (axe-core)")
class AccessibilityBrowserIT extends BrowserTest {

    /** The checks in flight: "light page", "dark page", "api page" → the violations found (empty if none). */
    private static final Map<String, CompletableFuture<String>> RESULTS = new ConcurrentHashMap<>();
    private static Browser second;
    private static ExecutorService workers;

    @BeforeAll
    static void startChecks() throws IOException {
        if (browser == null) {
            return; // no Chromium: every test reports itself skipped
        }
        BlockingQueue<Browser> browsers = new LinkedBlockingQueue<>();
        browsers.add(browser);
        second = Browser.start();
        browsers.add(second);
        workers = Executors.newFixedThreadPool(2);
        List<String> keys = new ArrayList<>();
        for (String page : pages()) {
            keys.add("light " + page);
            keys.add("dark " + page);
        }
        for (String page : apiPages()) {
            keys.add("api " + page);
        }
        for (String key : keys) {
            RESULTS.put(key, CompletableFuture.supplyAsync(() -> {
                Browser b = take(browsers);
                try {
                    String[] kind = key.split(" ", 2);
                    return kind[0].equals("api") ? violations(b, kind[1]) : check(b, kind[1], kind[0]);
                } finally {
                    browsers.add(b);
                }
            }, workers));
        }
    }

    @AfterAll
    static void stopChecks() {
        if (workers != null) {
            workers.shutdownNow();
            workers = null;
        }
        if (second != null) {
            second.close();
            second = null;
        }
        RESULTS.clear();
    }

    private static Browser take(BlockingQueue<Browser> browsers) {
        try {
            return browsers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The result of one check, waited for; a check that failed in the browser fails the test with its cause. */
    private static String result(String key) {
        try {
            return RESULTS.get(key).get(30, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            throw new AssertionError(key + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError(key + ": no result within 30 minutes", e);
        }
    }

    @ParameterizedTest(name = "{0}: no serious or critical violation, light theme")
    @MethodSource("pages")
    void light(String page) {
        assertEquals("", result("light " + page), page + " (light theme) has axe violations");
    }

    @ParameterizedTest(name = "{0}: no serious or critical violation, dark theme")
    @MethodSource("pages")
    void dark(String page) {
        assertEquals("", result("dark " + page), page + " (dark theme) has axe violations");
    }

    @ParameterizedTest(name = "{0}: no serious or critical violation")
    @MethodSource("apiPages")
    void apiDocs(String page) {
        assertEquals("", result("api " + page), page + " has axe violations");
    }

    /** Every page of the library's Javadoc under site/api/, except javadoc's redirect to its index. */
    static List<String> apiPages() throws IOException {
        try (Stream<Path> files = Files.walk(BuiltSiteIT.SITE.resolve("api"))) {
            return files.filter(f -> f.toString().endsWith(".html") && !isRedirect(f))
                    .map(f -> BuiltSiteIT.SITE.relativize(f).toString().replace('\\', '/')).sorted().toList();
        }
    }

    private static boolean isRedirect(Path page) {
        try {
            return Files.readString(page).contains("http-equiv=\"Refresh\"");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The violations of a page in a theme, which the page must have taken from the reader's stored choice. */
    private static String check(Browser b, String page, String theme) {
        b.open("index.html");
        b.js("localStorage.setItem('bl-theme', arguments[0])", theme);
        try {
            b.open(page);
            assertEquals(theme, b.js("return document.documentElement.dataset.theme"), page + ": theme");
            return violations(b.driver);
        } finally {
            b.js("localStorage.removeItem('bl-theme')");
        }
    }

    private static String violations(Browser b, String page) {
        b.open(page);
        return violations(b.driver);
    }

    /** The serious and critical axe violations of the open page, one line each; empty if none. */
    private static String violations(org.openqa.selenium.WebDriver driver) {
        Results results = new AxeBuilder().analyze(driver);
        List<Rule> serious = results.getViolations().stream()
                .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact())).toList();
        return serious.stream()
                .map(r -> r.getImpact() + " " + r.getId() + ": " + r.getHelp() + " at "
                        + r.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
    }
}
