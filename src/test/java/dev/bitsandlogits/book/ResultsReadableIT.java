package dev.bitsandlogits.book;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The numbers a reader sees under the code and in the prose, as the built pages carry them: no
 * binary noise ({@code 0.6249999999999999}, {@code 0.30000000000000004}), no Java E notation, no
 * stem: macro cut short by a bracket, no identifier in a table that cannot break.
 */
@DisplayName("Results and math on the built pages")
class ResultsReadableIT {

    /** Six or more 9s or 0s inside the fraction followed by a last digit: the tail of a double that missed. */
    private static final Pattern NOISY = Pattern.compile("\\d\\.\\d*(?:9{6,}|0{6,})\\d");
    private static final Pattern E_NOTATION = Pattern.compile("\\d(?:\\.\\d+)?E-?\\d");

    static Stream<Path> pages() throws IOException {
        return BuiltSiteIT.pages();
    }

    @ParameterizedTest(name = "{0}: results and computed values have no noisy tail and no E notation")
    @MethodSource("pages")
    void noNoise(Path page) throws IOException {
        Document doc = BuiltSiteIT.parse(page);
        List<String> bad = new ArrayList<>();
        for (Element shown : doc.select(".snippet-value samp, .computed")) {
            if (shown.parents().hasClass("snippet-exception") || shown.parents().hasClass("exact")) {
                continue; // an exception's message is the library's own text; [.exact]#…# quotes Java's text on purpose
            }
            String text = shown.text();
            if (NOISY.matcher(text).find() || E_NOTATION.matcher(text).find()) {
                bad.add(text);
            }
        }
        assertEquals(List.of(), bad, page + ": results a reader cannot read at a glance");
    }

    @Test
    @DisplayName("a rounded result keeps Double.toString's exact text in its title")
    void exactOnHover() throws IOException {
        int titled = 0;
        for (Path page : pages().toList()) {
            for (Element samp : BuiltSiteIT.parse(page).select(".snippet-value samp[title]")) {
                titled++;
                String exact = samp.attr("title").replaceFirst("^\\D*?(?=-?\\d)", ""); // "exactly 0.62…", "精确值 0.62…"
                Matcher m = Pattern.compile("-?\\d+\\.\\d+(?:E-?\\d+)?").matcher(exact);
                assertTrue(m.find(), page + ": title '" + exact + "' holds a Java double");
            }
        }
        assertTrue(titled > 0, "some result was rounded (the book has 0.6249999999999999-like values)");
    }

    @ParameterizedTest(name = "{0}: no formula is followed by the ] of a stem: macro cut short")
    @MethodSource("pages")
    void stemWhole(Path page) throws IOException {
        Document doc = BuiltSiteIT.parse(page);
        List<String> cut = new ArrayList<>();
        for (Element math : doc.select("#content span.math")) {
            org.jsoup.nodes.Node next = math.nextSibling();
            if (next instanceof org.jsoup.nodes.TextNode t && t.getWholeText().startsWith("]")) {
                cut.add(math.select("annotation").text() + " | " + t.getWholeText().substring(0, Math.min(30, t.getWholeText().length())));
            }
        }
        assertEquals(List.of(), cut, page + ": formulas cut at an inner ], their tail left as text");
        assertEquals(0, doc.select(".katex-error").size(), page + ": KaTeX errors");
    }

    @ParameterizedTest(name = "{0}: identifiers in tables may break after _ and .")
    @MethodSource("pages")
    void tableIdentifiersBreak(Path page) throws IOException {
        for (Element code : BuiltSiteIT.parse(page).select("table.tableblock td code")) {
            String text = code.text();
            if (text.matches(".*[a-z][_.][a-z].*") && text.length() > 16) {
                assertTrue(!code.select("wbr").isEmpty(), page + ": '" + text + "' has no <wbr> after its _ or .");
            }
        }
    }
}
