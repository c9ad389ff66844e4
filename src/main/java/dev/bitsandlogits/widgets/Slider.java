package dev.bitsandlogits.widgets;

/**
 * One input of a widget: a native range input over the integers {@code from..to}, whose position
 * {@code k} means the value {@code k / denominator} — one correctly rounded division, so a slider
 * over 64ths lands exactly on the book's {@code 63.0 / 64} and one over tenths on {@code 0.1}.
 */
public final class Slider {

    private final String id;
    private final String label;
    private final int from;
    private final int to;
    private final int denominator;
    private final int start;

    /**
     * @param id          unique within the widget, lower case ({@code p}, {@code z0})
     * @param label       what the reader sees (the widget's one place for its strings)
     * @param start       the position the page opens at: the book's value
     */
    public Slider(String id, String label, int from, int to, int denominator, int start) {
        if (from >= to || start < from || start > to || denominator <= 0) {
            throw new IllegalArgumentException("slider " + id + ": need from < to, from <= start <= to, denominator > 0; got "
                    + from + ", " + to + ", " + start + ", " + denominator);
        }
        this.id = id;
        this.label = label;
        this.from = from;
        this.to = to;
        this.denominator = denominator;
        this.start = start;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public int from() {
        return from;
    }

    public int to() {
        return to;
    }

    public int denominator() {
        return denominator;
    }

    public int start() {
        return start;
    }

    /** The value as the slider shows it: an integer for a slider of whole numbers, else as {@link Numbers#format}. */
    public String text(double value) {
        return denominator == 1 ? Integer.toString((int) value) : Numbers.format(value);
    }

    /** The value at position {@code k}. */
    public double value(int k) {
        return (double) k / denominator;
    }
}
