package dev.bitsandlogits.press.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Math typeset at build time by KaTeX in V8")
class MathTypesetterTest {

    private static MathTypesetter math;

    @BeforeAll
    static void start() {
        math = MathTypesetter.start(System.err);
        assumeTrue(math.available(), "Javet's V8 does not run on this machine; pages typeset math in the browser");
    }

    @AfterAll
    static void close() {
        math.close();
    }

    @Test
    @DisplayName("an inline fraction becomes KaTeX's HTML, with MathML and the TeX source for screen readers")
    void inlineFraction() throws MathTypesetter.TexError {
        String html = math.render("\\frac{a}{b}", false);
        assertTrue(html.startsWith("<span class=\"katex\">"), html);
        assertTrue(html.contains("<mfrac><mi>a</mi><mi>b</mi></mfrac>"), html);
        assertTrue(html.contains("<annotation encoding=\"application/x-tex\">\\frac{a}{b}</annotation>"), html);
        assertTrue(html.contains("class=\"katex-html\" aria-hidden=\"true\""), html);
        assertFalse(html.contains("katex-display"), html);
    }

    @Test
    @DisplayName("a display formula is set as a block")
    void display() throws MathTypesetter.TexError {
        String html = math.render("H(p) = -\\sum_i p_i \\log p_i", true);
        assertTrue(html.startsWith("<span class=\"katex-display\">"), html);
        assertTrue(html.contains("<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\">"), html);
    }

    @Test
    @DisplayName("the same TeX gives the same bytes (the site build is reproducible)")
    void deterministic() throws MathTypesetter.TexError {
        assertEquals(math.typeset("D(p \\| q) = \\sum_i p_i \\log\\frac{p_i}{q_i}", false),
                math.typeset("D(p \\| q) = \\sum_i p_i \\log\\frac{p_i}{q_i}", false));
    }

    @Test
    @DisplayName("a formula is typeset once, inline and display apart; TeX KaTeX rejects is rejected every time")
    void typesetOnce() throws MathTypesetter.TexError {
        String inline = math.render("H(p, q) = H(p) + D(p \\| q)", false);
        assertSame(inline, math.render("H(p, q) = H(p) + D(p \\| q)", false));
        String display = math.render("H(p, q) = H(p) + D(p \\| q)", true);
        assertTrue(display.startsWith("<span class=\"katex-display\">"), display);
        assertSame(display, math.render("H(p, q) = H(p) + D(p \\| q)", true));
        assertThrows(MathTypesetter.TexError.class, () -> math.render("\\frac{a}", false));
        assertThrows(MathTypesetter.TexError.class, () -> math.render("\\frac{a}", false));
    }

    @Test
    @DisplayName("TeX that KaTeX cannot parse throws with KaTeX's own message")
    void parseError() {
        // KaTeX marks the offending token with combining low lines (U+0332) after "at position N:".
        MathTypesetter.TexError e = assertThrows(MathTypesetter.TexError.class, () -> math.render("\\fracc{a}{b}", false));
        assertEquals("KaTeX parse error: Undefined control sequence: \\fracc at position 1: \\\u0332f\u0332r\u0332a\u0332c\u0332c\u0332{a}{b}",
                e.getMessage());
        e = assertThrows(MathTypesetter.TexError.class, () -> math.render("\\frac{a}{b", true));
        assertEquals("KaTeX parse error: Unexpected end of input in a macro argument, expected '}' at end of input: \\frac{a}{b",
                e.getMessage());
    }
}
