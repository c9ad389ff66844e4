package dev.bitsandlogits.widgets;

/** One computed output of a widget: a label and a double, shown as {@link Numbers#format}. */
public final class Readout {

    private final String label;
    private final double value;

    public Readout(String label, double value) {
        this.label = label;
        this.value = value;
    }

    public String label() {
        return label;
    }

    public double value() {
        return value;
    }

    public String text() {
        return Numbers.format(value);
    }
}
