package dev.bitsandlogits.widgets;

import dev.bitsandlogits.listings.Backprop;

/**
 * Nielsen's experiment (chapter 6, after <i>Neural Networks and Deep Learning</i>, chapter 3):
 * one sigmoid neuron, input 1, target 0, learning rate 0.15, trained from a starting weight and
 * bias you pick, with the quadratic cost and with cross-entropy — the chapter's own
 * {@code Backprop.trainNeuron}. Both cost curves are drawn over 300 epochs; the epoch slider (or
 * the keyboard's arrows held down) plays training forward. Opens at the chapter's saturated start
 * w = b = 2, after 300 epochs.
 */
public final class LearningSlowdownWidget extends Widget {

    private static final int EPOCHS = 300;
    private static final int TENTHS = 10;

    public static void main(String[] args) {
        WidgetRuntime.start("learning-slowdown", new LearningSlowdownWidget());
    }

    @Override
    public String title() {
        return text("title");
    }

    @Override
    public String description() {
        return text("description", Integer.toString(EPOCHS));
    }

    @Override
    public Slider[] sliders() {
        return new Slider[] {
            new Slider("w", text("slider.w"), -4 * TENTHS, 4 * TENTHS, TENTHS, 2 * TENTHS),
            new Slider("b", text("slider.b"), -4 * TENTHS, 4 * TENTHS, TENTHS, 2 * TENTHS),
            new Slider("epoch", text("slider.epoch"), 0, EPOCHS, 1, EPOCHS),
        };
    }

    @Override
    public String playLabel() {
        return text("play");
    }

    @Override
    public String pauseLabel() {
        return text("pause");
    }

    @Override
    public Readout[] readouts(double[] x) {
        int epoch = (int) x[2];
        double[][] quadratic = Backprop.trainNeuron(Backprop.Cost.QUADRATIC, epoch, x[0], x[1]);
        double[][] crossEntropy = Backprop.trainNeuron(Backprop.Cost.CROSS_ENTROPY, epoch, x[0], x[1]);
        return new Readout[] {
            new Readout(text("readout.output-quadratic"), quadratic[1][epoch]),
            new Readout(text("readout.output-cross-entropy"), crossEntropy[1][epoch]),
            new Readout(text("readout.cost-quadratic"), quadratic[0][epoch]),
            new Readout(text("readout.cost-cross-entropy"), crossEntropy[0][epoch]),
        };
    }

    @Override
    public String figure(double[] x) {
        int epoch = (int) x[2];
        double[][] quadratic = Backprop.trainNeuron(Backprop.Cost.QUADRATIC, EPOCHS, x[0], x[1]);
        double[][] crossEntropy = Backprop.trainNeuron(Backprop.Cost.CROSS_ENTROPY, EPOCHS, x[0], x[1]);
        double[] epochs = new double[EPOCHS + 1];
        double top = 1;
        for (int i = 0; i <= EPOCHS; i++) {
            epochs[i] = i;
            top = Math.max(top, Math.max(quadratic[0][i], crossEntropy[0][i]));
        }
        int ceiling = (int) Math.ceil(top);
        int step = ceiling <= 5 ? 1 : 2;
        ceiling = (ceiling + step - 1) / step * step;
        double[] ticks = new double[ceiling / step + 1];
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] = i * step;
        }
        return new Svg(width(), height(), 0, EPOCHS, 0, ceiling)
                .xAxis(text("axis.x"), new double[] {0, 50, 100, 150, 200, 250, 300})
                .yAxis(text("axis.y"), ticks)
                .line(epochs, crossEntropy[0], "w-c1").line(epochs, quadratic[0], "w-c2")
                .legend(0, "w-c1", text("legend.cross-entropy")).legend(1, "w-c2", text("legend.quadratic"))
                .dot(epoch, crossEntropy[0][epoch], "w-c1").dot(epoch, quadratic[0][epoch], "w-c2")
                .toString();
    }
}
