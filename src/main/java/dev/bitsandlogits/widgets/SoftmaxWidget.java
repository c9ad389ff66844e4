package dev.bitsandlogits.widgets;

import dev.bitsandlogits.loss.Gradients;
import dev.bitsandlogits.loss.Losses;
import dev.bitsandlogits.loss.Softmax;

/**
 * Drag three logits (in tenths, out to ±1000) and the true class: the softmax, the loss and its
 * gradient softmax − y, each computed the naive way (exp, divide, log, as chapter 5's
 * {@code loss-naive-log-softmax}) beside the library's stable way. Opens at chapter 5's logits
 * (2, −1, 3); drive a logit to 1000 to watch the naive column turn NaN while the library's does not.
 */
public final class SoftmaxWidget extends Widget {

    private static final int TENTHS = 10;
    private static final int LIMIT = 1000 * TENTHS;

    public static void main(String[] args) {
        WidgetRuntime.start("softmax", new SoftmaxWidget());
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
        return new Slider[] {
            new Slider("z0", text("slider.z", "z₀"), -LIMIT, LIMIT, TENTHS, 2 * TENTHS),
            new Slider("z1", text("slider.z", "z₁"), -LIMIT, LIMIT, TENTHS, -1 * TENTHS),
            new Slider("z2", text("slider.z", "z₂"), -LIMIT, LIMIT, TENTHS, 3 * TENTHS),
            new Slider("y", text("slider.y"), 0, 2, 1, 0),
        };
    }

    /** exp, sum, divide: what overflows at z ≈ 709.8. */
    static double[] naiveSoftmax(double[] z) {
        double sum = Math.exp(z[0]) + Math.exp(z[1]) + Math.exp(z[2]);
        return new double[] {Math.exp(z[0]) / sum, Math.exp(z[1]) / sum, Math.exp(z[2]) / sum};
    }

    @Override
    public Readout[] readouts(double[] x) {
        double[] z = {x[0], x[1], x[2]};
        int y = (int) x[3];
        double[] stable = Softmax.softmax(z);
        double[] naive = naiveSoftmax(z);
        double[] oneHot = new double[3];
        oneHot[y] = 1;
        double loss = Losses.sparseSoftmaxCrossEntropyWithLogits(new int[] {y}, new double[][] {z})[0];
        double naiveLoss = -Math.log(naive[y]);
        double[] gradient = Gradients.softmaxCrossEntropyWithLogits(new double[][] {oneHot}, new double[][] {z})[0];
        Readout[] r = new Readout[14];
        for (int i = 0; i < 3; i++) {
            r[2 * i] = new Readout(text("readout.softmax-stable", Integer.toString(i)), stable[i]);
            r[2 * i + 1] = new Readout(text("readout.softmax-naive", Integer.toString(i)), naive[i]);
        }
        r[6] = new Readout(text("readout.loss-stable"), loss);
        r[7] = new Readout(text("readout.loss-naive"), naiveLoss);
        for (int i = 0; i < 3; i++) {
            r[8 + 2 * i] = new Readout(text("readout.gradient-stable", Integer.toString(i)), gradient[i]);
            r[9 + 2 * i] = new Readout(text("readout.gradient-naive", Integer.toString(i)), naive[i] - oneHot[i]);
        }
        return r;
    }

    @Override
    public String figure(double[] x) {
        double[] z = {x[0], x[1], x[2]};
        double[] stable = Softmax.softmax(z);
        double[] naive = naiveSoftmax(z);
        Svg svg = new Svg(width(), height(), -0.5, 2.5, 0, 1.15)
                .yAxis(text("axis.y"), isNarrow() ? new double[] {0, 0.5, 1} : new double[] {0, 0.25, 0.5, 0.75, 1})
                .legend(0, "w-c1", text("legend.stable")).legend(1, "w-c2", text("legend.naive"));
        for (int i = 0; i < 3; i++) {
            svg.bar(i - 0.17, 0.3, stable[i], "w-c1", Svg.tick(Math.round(stable[i] * 1000) / 1000.0));
            svg.bar(i + 0.17, 0.3, naive[i], "w-c2", naive[i] != naive[i] ? "NaN"
                    : Svg.tick(Math.round(naive[i] * 1000) / 1000.0));
            svg.category(i, text(i == (int) x[3] ? "category.true" : "category", Integer.toString(i)));
        }
        return svg.toString();
    }
}
