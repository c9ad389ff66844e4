package dev.bitsandlogits.book;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** axe-core, run inside the page by Deque's Selenium integration, in both themes. */
@DisplayName("Accessibility (axe-core)")
class AccessibilityBrowserIT extends BrowserTest {

    @ParameterizedTest(name = "{0}: no serious or critical violation, light theme")
    @MethodSource("pages")
    void light(String page) {
        check(page, "light");
    }

    @ParameterizedTest(name = "{0}: no serious or critical violation, dark theme")
    @MethodSource("pages")
    void dark(String page) {
        check(page, "dark");
    }

    @ParameterizedTest(name = "{0}: no serious or critical violation")
    @MethodSource("apiPages")
    void apiDocs(String page) {
        browser.open(page);
        assertEquals("", violations(), page + " has axe violations");
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

    private static void check(String page, String theme) {
        browser.open("index.html");
        browser.js("localStorage.setItem('bl-theme', arguments[0])", theme);
        browser.open(page);
        assertEquals(theme, browser.js("return document.documentElement.dataset.theme"));
        assertEquals("", violations(), page + " (" + theme + " theme) has axe violations");
        browser.js("localStorage.removeItem('bl-theme')");
    }

    /** The serious and critical axe violations of the open page, one line each; empty if none. */
    private static String violations() {
        Results results = new AxeBuilder().analyze(browser.driver);
        List<Rule> serious = results.getViolations().stream()
                .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact())).toList();
        return serious.stream()
                .map(r -> r.getImpact() + " " + r.getId() + ": " + r.getHelp() + " at "
                        + r.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
    }
}
