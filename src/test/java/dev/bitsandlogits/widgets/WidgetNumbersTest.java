package dev.bitsandlogits.widgets;

import dev.bitsandlogits.press.snippets.ResultNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.bitsandlogits.widgets.Numbers;

/** The widgets' formatter (no BigDecimal, no String.format) writes what the result lines write. */
@DisplayName("Widget numbers read like result lines")
class WidgetNumbersTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(doubles = {0.0, -0.0, 1.0, -1.0, 6.0, 0.625, 0.6249999999999999, 0.30000000000000004, 2.9999999999999996,
        4.272907381663574E-4, 1e-3, 9.999999999999E-4, 0.0009999999999, 0.00099999999995, 9999999.9999, 9999999.99999,
        1e7, 1.0E7, 12345678901234.0, 1234567.0, 123456.789, 1e-300, 4.9E-324, Double.MAX_VALUE, -Double.MIN_NORMAL,
        0.02272007650008352, 1.00000000005, 1.00000000015, 1.00000000025, 2.5000000005, 9.9999999995, 99999.999995,
        Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1000.0, -1000.0, 0.984375, 63.0 / 64, 0.1})
    void edges(double value) {
        assertEquals(ResultNumbers.format(value), Numbers.format(value));
    }

    @Property(tries = 3000)
    void anyDouble(@ForAll double value) {
        assertEquals(ResultNumbers.format(value), Numbers.format(value));
    }

    @Property(tries = 3000)
    void acrossMagnitudes(@ForAll @DoubleRange(min = 1, max = 10) double mantissa, @ForAll @IntRange(min = -12, max = 12) int exponent) {
        double value = mantissa * Math.pow(10, exponent);
        assertEquals(ResultNumbers.format(value), Numbers.format(value));
        assertEquals(ResultNumbers.format(-value), Numbers.format(-value));
    }

    @Property(tries = 2000)
    void shortDecimals(@ForAll @IntRange(min = -100_000_000, max = 100_000_000) int digits, @ForAll @IntRange(min = 0, max = 14) int scale) {
        double value = digits / Math.pow(10, scale);
        assertEquals(ResultNumbers.format(value), Numbers.format(value));
    }
}
