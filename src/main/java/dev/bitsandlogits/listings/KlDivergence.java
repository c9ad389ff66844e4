package dev.bitsandlogits.listings;

import dev.bitsandlogits.press.api.BarChart;
import dev.bitsandlogits.press.api.Chart;

import java.util.List;

import dev.bitsandlogits.info.Measures;
import dev.bitsandlogits.info.Unit;

/**
 * Chapter 4, Kullback–Leibler divergence. Each tagged region is shown on the page and executed at
 * build time; the methods return the region's results so that tests can check them.
 */
public final class KlDivergence {

    private KlDivergence() {
    }

    /** Returns {D(p‖q), H(p, q) − H(p), D(q‖p), H(q, p) − H(q)} in bits for colah's p and q. */
    static double[] definition() {
        // tag::kl-definition[]
        double[] p = {0.5, 0.25, 0.125, 0.125};
        double[] q = {0.125, 0.5, 0.25, 0.125};
        double klPQ = Measures.klDivergence(p, q, Unit.BITS);
        double gapPQ = Measures.crossEntropy(p, q, Unit.BITS) - Measures.entropy(p, Unit.BITS);
        double klQP = Measures.klDivergence(q, p, Unit.BITS);
        double gapQP = Measures.crossEntropy(q, p, Unit.BITS) - Measures.entropy(q, Unit.BITS);
        // end::kl-definition[]
        return new double[] {klPQ, gapPQ, klQP, gapQP};
    }

    /** Returns {D(p‖q), D(q‖p)} in bits for p = (1/2, 1/2) and q = (1, 0). */
    static double[] infinite() {
        // tag::kl-infinite[]
        double[] fair = {0.5, 0.5};
        double[] sure = {1.0, 0.0};                  // a model certain that tails never happens
        double fairFromSure = Measures.klDivergence(fair, sure, Unit.BITS);
        double sureFromFair = Measures.klDivergence(sure, fair, Unit.BITS);
        // end::kl-infinite[]
        return new double[] {fairFromSure, sureFromFair};
    }

    /** Returns {H(y), H(y, q), D(y‖q)} in nats and {H(y, q), D(y‖q)} in bits for a one-hot y. */
    static double[] oneHot() {
        // tag::kl-one-hot[]
        double[] label = {0, 1, 0, 0};               // class 1 of classes 0 to 3
        double[] prediction = {0.1, 0.6, 0.2, 0.1};
        double labelEntropy = Measures.entropy(label, Unit.NATS);
        double crossEntropy = Measures.crossEntropy(label, prediction, Unit.NATS);
        double kl = Measures.klDivergence(label, prediction, Unit.NATS);
        double crossEntropyBits = Measures.crossEntropy(label, prediction, Unit.BITS);
        double klBits = Measures.klDivergence(label, prediction, Unit.BITS);
        // end::kl-one-hot[]
        return new double[] {labelEntropy, crossEntropy, kl, crossEntropyBits, klBits};
    }

    /** Throws: the seed's label [0, 1, 0, 1] sums to 2. */
    static double seedTypo() {
        // tag::kl-seed-typo[]
        double[] typo = {0, 1, 0, 1};
        double loss = Measures.crossEntropy(typo, new double[] {0.1, 0.6, 0.2, 0.1}, Unit.NATS);
        // end::kl-seed-typo[]
        return loss;
    }

    /** Returns, for a soft label and two predictions, {H(p,q1) − H(p,q2), D(p‖q1) − D(p‖q2), H(p)} in nats. */
    static double[] softLabels() {
        // tag::kl-soft-labels[]
        double[] label = {0.1, 0.8, 0.1};            // a soft label: H(label) > 0
        double[] worse = {0.3, 0.4, 0.3};
        double[] better = {0.1, 0.7, 0.2};
        // The operator ends the line: JShell, reading a script line by line, would take a
        // complete first line as the whole statement.
        double ceDrop = Measures.crossEntropy(label, worse, Unit.NATS) -
                Measures.crossEntropy(label, better, Unit.NATS);
        double klDrop = Measures.klDivergence(label, worse, Unit.NATS) -
                Measures.klDivergence(label, better, Unit.NATS);
        double constant = Measures.entropy(label, Unit.NATS);   // the same for every prediction
        // end::kl-soft-labels[]
        return new double[] {ceDrop, klDrop, constant};
    }

    /** Exercise: D(p‖p) for colah's p, and D(p‖q) for a q that is very close to p. */
    static double[] exerciseSelf() {
        // tag::ex-kl-self[]
        double[] p = {0.5, 0.25, 0.125, 0.125};
        double self = Measures.klDivergence(p, p, Unit.BITS);
        double nearby = Measures.klDivergence(p, new double[] {0.49, 0.26, 0.125, 0.125}, Unit.BITS);
        // end::ex-kl-self[]
        return new double[] {self, nearby};
    }

    /** Exercise: fair coin against a 90/10 coin, both ways, in bits. */
    static double[] exerciseCoins() {
        // tag::ex-kl-coins[]
        double[] fair = {0.5, 0.5};
        double[] bent = {0.9, 0.1};
        double fairFromBent = Measures.klDivergence(fair, bent, Unit.BITS);
        double bentFromFair = Measures.klDivergence(bent, fair, Unit.BITS);
        // end::ex-kl-coins[]
        return new double[] {fairFromBent, bentFromFair};
    }

    /** Exercise: a perfect one-hot prediction, and a nearly perfect one, in nats. */
    static double[] exercisePerfect() {
        // tag::ex-kl-perfect[]
        double[] label = {0, 1, 0, 0};
        double perfect = Measures.crossEntropy(label, new double[] {0, 1, 0, 0}, Unit.NATS);
        double confident = Measures.crossEntropy(label, new double[] {0.01, 0.97, 0.01, 0.01}, Unit.NATS);
        // end::ex-kl-perfect[]
        return new double[] {perfect, confident};
    }

    /**
     * Exercise: a counter-example to the triangle inequality. Returns {D(p‖q), D(q‖r), their sum,
     * D(p‖r)} in bits for p = (1/2, 1/2), q = (1/4, 3/4), r = (1/10, 9/10).
     */
    static double[] exerciseTriangle() {
        // tag::ex-kl-triangle[]
        double[] p = {0.5, 0.5};
        double[] q = {0.25, 0.75};
        double[] r = {0.1, 0.9};
        double pq = Measures.klDivergence(p, q, Unit.BITS);
        double qr = Measures.klDivergence(q, r, Unit.BITS);
        double detour = pq + qr;
        double direct = Measures.klDivergence(p, r, Unit.BITS);
        // end::ex-kl-triangle[]
        return new double[] {pq, qr, detour, direct};
    }

    /**
     * Exercise: the divergence from the uniform model is log n − H(p). Returns {D(p‖u), log2 4 −
     * H(p)} in bits for colah's p.
     */
    static double[] exerciseUniform() {
        // tag::ex-kl-uniform[]
        double[] p = {0.5, 0.25, 0.125, 0.125};
        double[] u = {0.25, 0.25, 0.25, 0.25};
        double divergence = Measures.klDivergence(p, u, Unit.BITS);
        double gap = Math.log(4) / Math.log(2) - Measures.entropy(p, Unit.BITS);
        // end::ex-kl-uniform[]
        return new double[] {divergence, gap};
    }

    /** Chapter 3's models of colah's p, each bar H(p) with D(p‖q) on top: together H(p, q). */
    public static BarChart klSplitChart() {
        double[] p = {0.5, 0.25, 0.125, 0.125};
        double[][] models = {{0.25, 0.25, 0.25, 0.25}, {0.45, 0.3, 0.125, 0.125}, {0.1, 0.1, 0.4, 0.4}, p,
            {0.125, 0.5, 0.25, 0.125}};
        double[] entropy = new double[models.length];
        double[] divergence = new double[models.length];
        for (int m = 0; m < models.length; m++) {
            entropy[m] = Measures.entropy(p, Unit.BITS);
            divergence[m] = Measures.klDivergence(p, models[m], Unit.BITS);
        }
        return new BarChart("Cross-entropy H(p, q) = H(p) + D(p‖q) for five models q of the same p",
                "Five stacked bars, one per model q of p = (1/2, 1/4, 1/8, 1/8). Every bar starts with the "
                        + "same block, the entropy H(p) = " + ChartText.digits(entropy[0]) + " bits; on top sits "
                        + "the divergence D(p‖q): " + ChartText.digits(divergence[0]) + " bits for the uniform "
                        + "model, " + ChartText.digits(divergence[1]) + " for the close one, "
                        + ChartText.digits(divergence[2]) + " for the far one, " + ChartText.digits(divergence[3])
                        + " for q = p itself and " + ChartText.digits(divergence[4]) + " for colah's q. The "
                        + "height of a bar is the cross-entropy.",
                "model q", "bits a symbol",
                List.of("uniform", "close", "far", "q = p", "colah's q"),
                List.of(new BarChart.Series("entropy H(p)", entropy),
                        new BarChart.Series("divergence D(p‖q)", divergence)), true);
    }

    /** D(p‖q_t) and D(q_t‖p) in bits for p = (0.3, 0.7) and the coins q_t = (t, 1 − t). */
    public static Chart klBothWaysChart() {
        double[] p = {0.3, 0.7};
        int n = 1000;
        double[] t = new double[n - 1];
        double[] truthFirst = new double[n - 1];
        double[] modelFirst = new double[n - 1];
        for (int i = 1; i < n; i++) {
            double[] q = {(double) i / n, 1 - (double) i / n};
            t[i - 1] = q[0];
            truthFirst[i - 1] = Measures.klDivergence(p, q, Unit.BITS);
            modelFirst[i - 1] = Measures.klDivergence(q, p, Unit.BITS);
        }
        return new Chart("D(p‖q) and D(q‖p) for p = (0.3, 0.7) and the coins q = (t, 1 − t)",
                "Two curves over t from 0.001 to 0.999, both 0 at t = 0.3 where q = p. D(p‖q), with the truth "
                        + "first, rises steeply towards both ends and grows without bound, because q then calls "
                        + "an outcome that p produces almost impossible. D(q‖p) stays bounded: it approaches "
                        + ChartText.digits(Measures.klDivergence(new double[] {0, 1}, p, Unit.BITS)) + " bits as t goes to 0 and "
                        + ChartText.digits(Measures.klDivergence(new double[] {1, 0}, p, Unit.BITS)) + " bits as t goes to 1.",
                "t (the model's probability of outcome 0)", "divergence in bits",
                List.of(new Chart.Series("D(p‖q), truth first", t, truthFirst),
                        new Chart.Series("D(q‖p), arguments swapped", t, modelFirst)));
    }

    /** The loss of a one-hot label, −log ŷ of the true class, against ŷ, in nats and bits. */
    public static Chart trueClassLossChart() {
        int n = 200;
        double[] q = new double[n];
        double[] nats = new double[n];
        double[] bits = new double[n];
        for (int i = 0; i < n; i++) {
            q[i] = (i + 1.0) / n;
            double[] label = {0, 1};
            double[] prediction = {1 - q[i], q[i]};
            nats[i] = Measures.crossEntropy(label, prediction, Unit.NATS);
            bits[i] = Measures.crossEntropy(label, prediction, Unit.BITS);
        }
        return new Chart("Loss of a one-hot label against the probability predicted for the true class",
                "Cross-entropy of a one-hot label, which equals its KL divergence, against the probability the "
                        + "model gives the true class, from 0.005 to 1: −ln of it in nats, and −log₂ of it in "
                        + "bits above. Both are 0 for a certain, correct prediction and grow without bound as "
                        + "the probability of the true class falls towards 0; how the rest of the probability is "
                        + "spread over the other classes does not matter.",
                "probability predicted for the true class", "loss",
                List.of(new Chart.Series("nats, −ln", q, nats), new Chart.Series("bits, −log₂", q, bits)));
    }
}
