package dev.bitsandlogits.widgets;

import dev.bitsandlogits.info.Measures;
import dev.bitsandlogits.info.Unit;

/**
 * Drag p, watch the information I(p) of the outcome and the entropy H(p, 1 − p) of the coin move
 * along their curves. Opens at chapter 1's p = 63/64 (China wins); p steps in 64ths, so it also
 * lands on ½, ¼ and 1/64 (Brazil).
 */
public final class BinaryEntropyWidget extends Widget {

    private static final int STEPS = 64;
    private static final int POINTS = 128;

    public static void main(String[] args) {
        WidgetRuntime.start("binary-entropy", new BinaryEntropyWidget());
    }

    @Override
    public String title() {
        return text("title");
    }

    @Override
    public String description() {
        return text("description");
    }

    @Override
    public Slider[] sliders() {
        return new Slider[] {new Slider("p", text("slider.p"), 0, STEPS, STEPS, 63)};
    }

    @Override
    public Readout[] readouts(double[] x) {
        double p = x[0];
        return new Readout[] {
            new Readout(text("readout.information"), Measures.information(p, Unit.BITS)),
            new Readout(text("readout.information-other"), Measures.information(1 - p, Unit.BITS)),
            new Readout(text("readout.entropy"), Measures.entropy(new double[] {p, 1 - p}, Unit.BITS)),
        };
    }

    @Override
    public String figure(double[] x) {
        double p = x[0];
        double[] ps = new double[POINTS + 1];
        double[] info = new double[POINTS + 1];
        double[] h = new double[POINTS + 1];
        for (int i = 0; i <= POINTS; i++) {
            ps[i] = (double) i / POINTS;
            info[i] = Measures.information(ps[i], Unit.BITS);
            h[i] = Measures.entropy(new double[] {ps[i], 1 - ps[i]}, Unit.BITS);
        }
        Svg svg = new Svg(width(), height(), 0, 1, 0, 7)
                .xAxis(text("axis.x"), new double[] {0, 0.25, 0.5, 0.75, 1})
                .yAxis(text("axis.y"), new double[] {0, 1, 2, 3, 4, 5, 6, 7})
                .line(ps, info, "w-c1").line(ps, h, "w-c2")
                .legend(0, "w-c1", text("legend.information")).legend(1, "w-c2", text("legend.entropy"));
        svg.dot(p, Measures.information(p, Unit.BITS), "w-c1");
        svg.dot(p, Measures.entropy(new double[] {p, 1 - p}, Unit.BITS), "w-c2");
        return svg.toString();
    }
}
