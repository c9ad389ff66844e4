package dev.bitsandlogits.listings;

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
        double[] label = {0, 1, 0, 0};               // the example belongs to class 2 of 4
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
}
