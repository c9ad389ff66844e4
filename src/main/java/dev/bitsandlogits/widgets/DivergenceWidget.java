package dev.bitsandlogits.widgets;

import dev.bitsandlogits.info.Measures;
import dev.bitsandlogits.info.Unit;

/**
 * Edit two distributions p and q over four outcomes, in eighths of a weight each, normalised:
 * watch H(p), the cross-entropies both ways and the two KL divergences as bars. Opens at colah's
 * p = (½, ¼, ⅛, ⅛) and q = (⅛, ½, ¼, ⅛) of chapters 3 and 4, whose weights already sum to 1.
 */
public final class DivergenceWidget extends Widget {

    private static final int EIGHTHS = 8;
    private static final int[] P = {4, 2, 1, 1};
    private static final int[] Q = {1, 4, 2, 1};

    public static void main(String[] args) {
        WidgetRuntime.start("divergence", new DivergenceWidget());
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
        Slider[] s = new Slider[8];
        String[] outcome = {"a", "b", "c", "d"};
        for (int i = 0; i < 4; i++) {
            s[i] = new Slider("p" + i, text("slider.p", outcome[i]), 0, EIGHTHS, EIGHTHS, P[i]);
            s[4 + i] = new Slider("q" + i, text("slider.q", outcome[i]), 0, EIGHTHS, EIGHTHS, Q[i]);
        }
        return s;
    }

    /** Weights divided by their sum (unchanged when they sum to 1); all zero stays all zero. */
    static double[] normalised(double[] x, int from) {
        double sum = x[from] + x[from + 1] + x[from + 2] + x[from + 3];
        double[] d = new double[4];
        for (int i = 0; i < 4; i++) {
            d[i] = sum == 0 ? 0 : x[from + i] / sum;
        }
        return d;
    }

    /** H(p), H(q), H(p,q), H(q,p), KL(p‖q), KL(q‖p); NaN for a distribution whose weights are all 0. */
    private static double[] measures(double[] x) {
        double[] p = normalised(x, 0);
        double[] q = normalised(x, 4);
        try {
            return new double[] {Measures.entropy(p, Unit.BITS), Measures.entropy(q, Unit.BITS),
                Measures.crossEntropy(p, q, Unit.BITS), Measures.crossEntropy(q, p, Unit.BITS),
                Measures.klDivergence(p, q, Unit.BITS), Measures.klDivergence(q, p, Unit.BITS)};
        } catch (IllegalArgumentException e) {
            double nan = Double.NaN;
            return new double[] {nan, nan, nan, nan, nan, nan};
        }
    }

    private static final String[] NAMES = {"H(p)", "H(q)", "H(p, q)", "H(q, p)", "KL(p‖q)", "KL(q‖p)"};

    @Override
    public Readout[] readouts(double[] x) {
        double[] m = measures(x);
        Readout[] r = new Readout[m.length];
        for (int i = 0; i < m.length; i++) {
            r[i] = new Readout(text("readout", NAMES[i]), m[i]);
        }
        return r;
    }

    @Override
    public String figure(double[] x) {
        double[] m = measures(x);
        String[] colour = {"w-c1", "w-c1", "w-c2", "w-c2", "w-c3", "w-c3"};
        Svg svg = new Svg(width(), height(), -0.5, 5.5, 0, 6).yAxis(text("axis.y"), new double[] {0, 1, 2, 3, 4, 5, 6});
        for (int i = 0; i < m.length; i++) {
            String value = m[i] != m[i] ? "—" : m[i] == Double.POSITIVE_INFINITY ? "∞"
                    : Svg.tick(Math.round(m[i] * 1000) / 1000.0);
            svg.bar(i, 0.6, m[i], colour[i], value).category(i, NAMES[i], isNarrow() ? i % 2 : 0);
        }
        return svg.toString();
    }
}
