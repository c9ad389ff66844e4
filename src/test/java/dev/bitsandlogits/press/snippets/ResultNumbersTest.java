package dev.bitsandlogits.press.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Numbers in result lines")
class ResultNumbersTest {

    @Test
    @DisplayName("lose the noise of the last bit: 0.625 and 3 and 0.3, not their neighbouring doubles")
    void noisyTails() {
        // 0.1 + 0.2, 5/8 computed as a sum of logs, 3 computed as log2(8): the doubles next to the exact values.
        assertEquals("0.3", ResultNumbers.format(0.30000000000000004));
        assertEquals("0.625", ResultNumbers.format(0.6249999999999999));
        assertEquals("3.0", ResultNumbers.format(2.9999999999999996));
        assertEquals("1.0", ResultNumbers.format(1.0000000000000002));
        assertEquals("-0.5", ResultNumbers.format(-0.5000000000000001));
    }

    @Test
    @DisplayName("keep ten significant digits, and plain numbers as Java prints them")
    void tenDigits() {
        assertEquals("6.0", ResultNumbers.format(6.0));
        assertEquals("0.04580368961", ResultNumbers.format(0.0458036896080197));
        assertEquals("1.584962501", ResultNumbers.format(1.584962500721156));
        assertEquals("1234567.891", ResultNumbers.format(1234567.891234));
        assertEquals("0.001", ResultNumbers.format(0.001));
        assertEquals("0.0", ResultNumbers.format(0.0));
        assertEquals("-0.0", ResultNumbers.format(-0.0));
        assertEquals("NaN", ResultNumbers.format(Double.NaN));
        assertEquals("-Infinity", ResultNumbers.format(Double.NEGATIVE_INFINITY));
    }

    @Test
    @DisplayName("write tiny and huge values as a × 10ⁿ, never Java's E notation")
    void scientific() {
        assertEquals("4.272907382 × 10⁻⁴", ResultNumbers.format(4.272907381663574E-4));
        assertEquals("1 × 10⁻¹⁰", ResultNumbers.format(1.0E-10));
        assertEquals("-1.5 × 10³⁰⁸", ResultNumbers.format(-1.5E308));
        assertEquals("4.9 × 10⁻³²⁴", ResultNumbers.format(Double.MIN_VALUE));
        assertEquals("1 × 10⁷", ResultNumbers.format(1.0E7));
        assertEquals("9.999999999 × 10⁻⁴", ResultNumbers.format(9.999999999E-4));
        assertEquals("0.001", ResultNumbers.format(9.9999999999E-4)); // rounds up into the plain range
    }

    @Test
    @DisplayName("format every double of an array or a record, and leave strings, ints and names alone")
    void values() {
        assertEquals("double[3] { 0.3, 1 × 10⁻⁵, 2.0 }",
                ResultNumbers.formatValue("double[3] { 0.30000000000000004, 1.0E-5, 2.0 }"));
        assertEquals("double[2][] { double[2] { 0.625, 3.0 }, double[1] { 7.0 } }",
                ResultNumbers.formatValue("double[2][] { double[2] { 0.6249999999999999, 2.9999999999999996 }, double[1] { 7.0 } }"));
        assertEquals("\"p = 0.30000000000000004\"", ResultNumbers.formatValue("\"p = 0.30000000000000004\""));
        assertEquals("3", ResultNumbers.formatValue("3"));
        assertEquals("Loss[mean=0.625, v1.2.3]", ResultNumbers.formatValue("Loss[mean=0.6249999999999999, v1.2.3]"));
    }

    @Property(shrinking = ShrinkingMode.OFF)
    @net.jqwik.api.Label("any double: at most ten significant digits, no E, within half a unit of the tenth digit")
    void neverNoisyNorENotation(@ForAll double x) {
        String s = ResultNumbers.format(x);
        String mantissa = s.split(" ")[0].replaceAll("[^0-9]", "").replaceAll("^0+", "").replaceAll("0+$", "");
        assertFalse(mantissa.length() > ResultNumbers.DIGITS, s + " has more than ten significant digits");
        assertFalse(s.contains("E"), s);
        if (Double.isFinite(x) && Math.abs(x) >= Double.MIN_NORMAL) { // subnormals carry fewer digits than ten
            StringBuilder plain = new StringBuilder();
            for (char c : s.replace(" × 10", "E").toCharArray()) {
                int digit = "⁰¹²³⁴⁵⁶⁷⁸⁹".indexOf(c);
                plain.append(digit >= 0 ? (char) ('0' + digit) : c == '⁻' ? '-' : c);
            }
            java.math.BigDecimal shown = new java.math.BigDecimal(plain.toString());
            java.math.BigDecimal exact = new java.math.BigDecimal(x);
            double relative = shown.subtract(exact).abs().divide(exact.abs(), java.math.MathContext.DECIMAL64).doubleValue();
            assertTrue(relative <= 5e-10, s + " is within half a unit of the tenth digit of " + x);
        }
    }
}
