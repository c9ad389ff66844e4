package dev.bitsandlogits.press.snippets;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers of a snippet's result line, as a reader reads them: each double rounded to
 * {@link #DIGITS} significant digits ({@code 0.6249999999999999} ⇒ {@code 0.625}), and values
 * below 10⁻³ or from 10⁷ up in scientific notation with a superscript exponent
 * ({@code 4.272907381663574E-4} ⇒ {@code 4.272907382 × 10⁻⁴}). Integers, strings and everything
 * that is not a Java double literal stay as JShell printed them; the exact text (what
 * {@code Double.toString} says) stays on the page in a {@code title} and in the chapter's
 * {@code .jsh}.
 */
public final class ResultNumbers {

    /** Significant digits a result keeps: past the noise of the last bit, within the book's 1e-12 accuracy of display. */
    static final int DIGITS = 10;

    private static final MathContext ROUND = new MathContext(DIGITS, RoundingMode.HALF_EVEN);
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /**
     * A double as Java prints one ({@code 1.0}, {@code -0.5}, {@code 4.27E-4}), standing alone:
     * not part of an identifier, a longer number or a version string.
     */
    private static final Pattern DOUBLE = Pattern.compile(
            "(?<![\\w.$])-?\\d+\\.\\d+(?:E-?\\d+)?(?![\\w.$])");
    /** A Java string literal in JShell's rendering, kept as it is. */
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

    private ResultNumbers() {
    }

    /** One double for a reader: rounded to {@link #DIGITS} significant digits, scientific when tiny or huge. */
    public static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        if (value == 0) {
            return Double.toString(value); // 0.0 or -0.0
        }
        BigDecimal rounded = BigDecimal.valueOf(value).round(ROUND).stripTrailingZeros();
        double magnitude = Math.abs(rounded.doubleValue());
        if (magnitude >= 1e-3 && magnitude < 1e7) {
            String plain = rounded.toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        int exponent = rounded.precision() - rounded.scale() - 1;
        BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
        String digits = mantissa.scale() <= 0 ? mantissa.setScale(0).toPlainString() : mantissa.toPlainString();
        return digits + " × 10" + superscript(exponent);
    }

    /**
     * JShell's rendering of a value ({@code 0.6249999999999999}, {@code double[2] { 0.5, 1.0E-5 }},
     * a record's {@code toString}) with every double in it formatted by {@link #format(double)};
     * string literals are left alone.
     */
    public static String formatValue(String rendered) {
        StringBuilder out = new StringBuilder();
        Matcher strings = STRING.matcher(rendered);
        int at = 0;
        while (strings.find()) {
            out.append(formatNumbers(rendered.substring(at, strings.start()))).append(strings.group());
            at = strings.end();
        }
        return out.append(formatNumbers(rendered.substring(at))).toString();
    }

    private static String formatNumbers(String text) {
        Matcher m = DOUBLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(format(Double.parseDouble(m.group()))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String superscript(int exponent) {
        StringBuilder s = new StringBuilder();
        if (exponent < 0) {
            s.append('⁻');
        }
        for (char c : Integer.toString(Math.abs(exponent)).toCharArray()) {
            s.append(SUPERSCRIPTS.charAt(c - '0'));
        }
        return s.toString();
    }
}
