package dev.bitsandlogits.widgets;

/**
 * A double as the book's result lines show it, without {@code BigDecimal} or
 * {@code String.format} (TeaVM's lacks {@code %e}/{@code %g} and costs ~200 KB of JavaScript):
 * rounded half-even to {@link #DIGITS} significant digits of {@code Double.toString}'s shortest
 * decimal, plain from 10⁻³ up to 10⁷, else {@code 4.272907382 × 10⁻⁴}. The same text as the
 * site's {@code ResultNumbers.format} (a test compares them), so a widget's numbers read like the
 * page's, on the JVM at build time and in the browser.
 */
public final class Numbers {

    /** Significant digits, as the result lines. */
    public static final int DIGITS = 10;
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    private Numbers() {
    }

    public static String format(double value) {
        if (value != value) {
            return "NaN";
        }
        if (value == Double.POSITIVE_INFINITY) {
            return "Infinity";
        }
        if (value == Double.NEGATIVE_INFINITY) {
            return "-Infinity";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0.0" : "0.0"; // TeaVM prints -0.0 its own way
        }
        boolean negative = value < 0;
        // Digits and exponent of the shortest decimal: value = 0.d1d2d3... × 10^point
        String text = Double.toString(Math.abs(value));
        int e = text.indexOf('E');
        int exponent = e < 0 ? 0 : Integer.parseInt(text.substring(e + 1));
        String mantissa = e < 0 ? text : text.substring(0, e);
        int dot = mantissa.indexOf('.');
        StringBuilder digits = new StringBuilder();
        digits.append(mantissa, 0, dot < 0 ? mantissa.length() : dot);
        if (dot >= 0) {
            digits.append(mantissa, dot + 1, mantissa.length());
        }
        int point = (dot < 0 ? mantissa.length() : dot) + exponent;
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
            lead++;
        }
        digits.delete(0, lead);
        point -= lead;
        char[] d = round(digits.toString());
        if (d.length > DIGITS) { // rounding carried into a new leading digit (9.99…9 → 10)
            point++;
        }
        int n = Math.min(d.length, DIGITS);
        while (n > 1 && d[n - 1] == '0') {
            n--;
        }
        int sci = point - 1; // value = d1.d2d3… × 10^sci
        StringBuilder out = new StringBuilder(24);
        if (negative) {
            out.append('-');
        }
        if (sci >= -3 && sci < 7) {
            if (point <= 0) {
                out.append("0.");
                for (int i = point; i < 0; i++) {
                    out.append('0');
                }
                out.append(d, 0, n);
            } else if (point >= n) {
                out.append(d, 0, n);
                for (int i = n; i < point; i++) {
                    out.append('0');
                }
                out.append(".0");
            } else {
                out.append(d, 0, point).append('.').append(d, point, n - point);
            }
            return out.toString();
        }
        out.append(d[0]);
        if (n > 1) {
            out.append('.').append(d, 1, n - 1);
        }
        out.append(" × 10");
        if (sci < 0) {
            out.append('⁻');
        }
        String exp = Integer.toString(Math.abs(sci));
        for (int i = 0; i < exp.length(); i++) {
            out.append(SUPERSCRIPTS.charAt(exp.charAt(i) - '0'));
        }
        return out.toString();
    }

    /**
     * The first {@link #DIGITS} of {@code digits} rounded half-even by the rest; one digit longer
     * when the rounding carried out of the first ({@code 9999999999|5} → {@code 10000000000}).
     */
    private static char[] round(String digits) {
        if (digits.length() <= DIGITS) {
            return digits.toCharArray();
        }
        char[] kept = digits.substring(0, DIGITS).toCharArray();
        char next = digits.charAt(DIGITS);
        boolean restNonZero = false;
        for (int i = DIGITS + 1; i < digits.length(); i++) {
            if (digits.charAt(i) != '0') {
                restNonZero = true;
                break;
            }
        }
        boolean up = next > '5' || (next == '5' && (restNonZero || (kept[DIGITS - 1] - '0') % 2 == 1));
        if (!up) {
            return kept;
        }
        int i = DIGITS - 1;
        while (i >= 0 && kept[i] == '9') {
            kept[i--] = '0';
        }
        if (i >= 0) {
            kept[i]++;
            return kept;
        }
        char[] longer = new char[DIGITS + 1];
        longer[0] = '1';
        System.arraycopy(kept, 0, longer, 1, DIGITS);
        return longer;
    }
}
