package dev.bitsandlogits.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;

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

    private static void check(String page, String theme) {
        browser.open("index.html");
        browser.js("localStorage.setItem('bl-theme', arguments[0])", theme);
        browser.open(page);
        assertEquals(theme, browser.js("return document.documentElement.dataset.theme"));
        Results results = new AxeBuilder().analyze(browser.driver);
        List<Rule> serious = results.getViolations().stream()
                .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact())).toList();
        String report = serious.stream()
                .map(r -> r.getImpact() + " " + r.getId() + ": " + r.getHelp() + " at "
                        + r.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
        assertEquals("", report, page + " (" + theme + " theme) has axe violations");
        browser.js("localStorage.removeItem('bl-theme')");
    }
}
