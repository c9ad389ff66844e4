package dev.bitsandlogits.press.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("stem:[…] with brackets inside")
class StemBracketsTest {

    @Test
    @DisplayName("ends at its own closing bracket: inner ] are escaped")
    void balanced() {
        assertEquals("logits stem:[[[2, -1, 3\\], [1, 0, -0.5\\]\\]] then",
                StemBrackets.escapeLine("logits stem:[[[2, -1, 3], [1, 0, -0.5]]] then"));
        assertEquals("of stem:[[0, 1\\]].", StemBrackets.escapeLine("of stem:[[0, 1]]."));
        assertEquals("a stem:[x] and stem:[[a\\]] b", StemBrackets.escapeLine("a stem:[x] and stem:[[a]] b"));
        assertEquals("latexmath:[[1\\]]", StemBrackets.escapeLine("latexmath:[[1]]"));
    }

    @Test
    @DisplayName("leaves plain, already escaped and unbalanced macros as Asciidoctor reads them")
    void untouched() {
        assertEquals("stem:[-\\log_2 p]", StemBrackets.escapeLine("stem:[-\\log_2 p]"));
        assertEquals("stem:[(0, 1\\]]", StemBrackets.escapeLine("stem:[(0, 1\\]]"));
        assertEquals("stem:[[0, 1)] and [x]", StemBrackets.escapeLine("stem:[[0, 1)] and [x]"));
        assertEquals("\\stem:[[a]]", StemBrackets.escapeLine("\\stem:[[a]]"));
    }

    @Test
    @DisplayName("skips listing, literal and passthrough blocks, and keeps the line count")
    void blocks() {
        List<String> in = List.of("stem:[[a]]", "----", "stem:[[a]]", "----", "++++", "stem:[[b]]", "++++", "x");
        List<String> out = StemBrackets.rewrite(in);
        assertEquals(List.of("stem:[[a\\]]", "----", "stem:[[a]]", "----", "++++", "stem:[[b]]", "++++", "x"), out);
    }
}
