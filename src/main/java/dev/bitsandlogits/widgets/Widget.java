package dev.bitsandlogits.widgets;

/**
 * An interactive figure, computed by the library itself: on the JVM at build time (the page's
 * HTML, which is also what a reader without JavaScript sees) and, compiled by TeaVM, in the
 * browser as the reader moves its sliders. A widget is a pure function of its sliders' values:
 * {@link #readouts} and {@link #figure} must not keep state between calls.
 *
 * <p>Convention: {@code widget::binary-entropy[]} is the class {@code BinaryEntropyWidget} of this
 * package, with a public no-argument constructor and a {@code main} that calls
 * {@link WidgetRuntime#start(Widget)} (the entry point TeaVM compiles). All its visible strings
 * (title, description, slider and readout labels, the figure's text) come from the class itself.
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
