package dev.bitsandlogits.listings;

import java.math.BigDecimal;
import java.math.MathContext;

/** Numbers written into a chart's text alternative: computed, but not to seventeen digits. */
final class ChartText {

    private ChartText() {
    }

    /** {@code x} to four significant digits, without trailing zeros: 0.6249999999999999 → "0.625". */
    static String digits(double x) {
        if (!Double.isFinite(x)) {
            return Double.toString(x);
        }
        return new BigDecimal(x).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
