package dev.bitsandlogits.widgets;

/**
 * An interactive figure, computed by the library itself: on the JVM at build time (the page's
 * HTML, which is also what a reader without JavaScript sees) and, compiled by TeaVM, in the
 * browser as the reader moves its sliders. A widget is a pure function of its sliders' values:
 * {@link #readouts} and {@link #figure} must not keep state between calls.
 *
 * <p>Convention: {@code widget::binary-entropy[]} is the class {@code BinaryEntropyWidget} of this
 * package, with a public no-argument constructor and a {@code main} that calls
 * {@link WidgetRuntime#start(Widget)} (the entry point TeaVM compiles). Every string it shows
 * (title, description, slider and readout labels, the figure's text, Play) is {@link #text} of a
 * key, looked up in the page's language: the build passes the table of its edition (the message
 * bundle's {@code widget.<name>.} keys) and writes it into the page, where the script reads it,
 * so one compiled script serves every language.
 */
public abstract class Widget {

    /** The figure's title, shown as its caption and as the SVG's {@code <title>}. */
    public abstract String title();

    /** The text alternative of the figure (the SVG's {@code <desc>}). */
    public abstract String description();

    public abstract Slider[] sliders();

    /** The outputs at slider values {@code x} (one a slider, in order). */
    public abstract Readout[] readouts(double[] x);

    /**
     * The figure at {@code x}: the inner markup of an {@code <svg>} whose {@code viewBox} is
     * {@link #width()} × {@link #height()} (see {@link Svg}).
     */
    public abstract String figure(double[] x);

    private boolean narrow;

    /** The figure's attribute that holds the string of key {@code k} for the script: {@code data-s-k}. */
    public static final String STRING_ATTRIBUTE = "data-s-";

    private java.util.function.UnaryOperator<String> strings;

    /**
     * The widget's strings in one language: {@code key} (without the {@code widget.<name>.} prefix)
     * to the text. Without a table a widget shows its keys (what a test that only reads values
     * sees); the build and the page always pass one.
     */
    public final void strings(java.util.function.UnaryOperator<String> table) {
        this.strings = table;
    }

    /** The text of {@code key} in the page's language. */
    protected final String text(String key) {
        return strings == null ? key : strings.apply(key);
    }

    /** The text of {@code key} with {@code {0}} replaced by {@code arg}. */
    protected final String text(String key, String arg) {
        String s = text(key);
        int at = s.indexOf('{'); // "{0}", the one argument
        return at < 0 ? s : s.substring(0, at) + arg + s.substring(at + 3);
    }

    /**
     * Draw the next {@link #figure}s for a phone's column (360 × 260, so its 12–13 px type stays
     * ~11 px on a 390 px screen) or for a wide one (560 × 300). The page carries both drawings and
     * its stylesheet shows one, as for charts.
     */
    public final void narrow(boolean narrow) {
        this.narrow = narrow;
    }

    public final boolean isNarrow() {
        return narrow;
    }

    /** The canvas width of the current layout ({@link #narrow}). */
    public int width() {
        return narrow ? 360 : 560;
    }

    public int height() {
        return narrow ? 260 : 300;
    }

    /** The label of a Play button that runs the last slider from its minimum to its maximum, or null for none. */
    public String playLabel() {
        return null;
    }

    /** The Play button's label while playing. */
    public String pauseLabel() {
        return null;
    }

    /** The values at the sliders' start positions: the page's own. */
    public final double[] startValues() {
        Slider[] s = sliders();
        double[] x = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            x[i] = s[i].value(s[i].start());
        }
        return x;
    }
}
