package dev.bitsandlogits.listings;

import dev.bitsandlogits.press.api.BlockChart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import dev.bitsandlogits.info.Measures;
import dev.bitsandlogits.info.Unit;

/**
 * Chapter 3, cross-entropy. Each tagged region is shown on the page and executed at build time;
 * the methods return the region's results so that tests can check them.
 */
public final class CrossEntropy {

    private CrossEntropy() {
    }

    /** Returns {average code length under p, H(p)} in bits for the code 0, 10, 110, 111. */
    static double[] optimalCode() {
        // tag::ce-optimal-code[]
        String[] code = {"0", "10", "110", "111"};   // one codeword per symbol A, B, C, D
        double[] p = {0.5, 0.25, 0.125, 0.125};      // how often each symbol is sent
        // the average of the codeword lengths, weighted by how often each is sent
        double averageLength = IntStream.range(0, 4).mapToDouble(i -> p[i] * code[i].length()).sum();
        double entropy = Measures.entropy(p, Unit.BITS);
        // end::ce-optimal-code[]
        return new double[] {averageLength, entropy};
    }

    /** Returns the code lengths −log2 p_i of p = (1/2, 1/4, 1/8, 1/8). */
    static double[] codeLengths() {
        // tag::ce-code-lengths[]
        double[] probabilities = {0.5, 0.25, 0.125, 0.125};
        double[] lengths = Arrays.stream(probabilities).map(
                p -> Measures.information(p, Unit.BITS)).toArray();
        // end::ce-code-lengths[]
        return lengths;
    }

    /** Returns {average length when p's messages use q's code, H(p, q), H(p)} in bits. */
    static double[] wrongCode() {
        // tag::ce-wrong-code[]
        double[] p = {0.5, 0.25, 0.125, 0.125};      // the source
        double[] q = {0.125, 0.5, 0.25, 0.125};      // what the code was built for
        String[] codeForQ = {"110", "0", "10", "111"};  // lengths -log2 q
        double averageLength = IntStream.range(0, 4).mapToDouble(i -> p[i] * codeForQ[i].length()).sum();
        double crossEntropy = Measures.crossEntropy(p, q, Unit.BITS);
        double best = Measures.entropy(p, Unit.BITS);   // p's own code
        // end::ce-wrong-code[]
        return new double[] {averageLength, crossEntropy, best};
    }

    /**
     * Returns {the Kraft sum of 0, 10, 110, 111; its model q_i = 2^−L_i, four entries}: the code's
     * share of the code space, and the distribution for which the code is the best one.
     */
    static double[] kraft() {
        // tag::ce-kraft[]
        String[] code = {"0", "10", "110", "111"};
        // a codeword of length L claims 2^-L of the code space
        double[] share = Arrays.stream(code).mapToDouble(w -> Math.pow(2, -w.length())).toArray();
        double kraftSum = Arrays.stream(share).sum();   // at most 1
        // end::ce-kraft[]
        double[] r = new double[5];
        r[0] = kraftSum;
        System.arraycopy(share, 0, r, 1, 4);
        return r;
    }

    /** Returns {H(p), H(p, q) for three q, H(p, p)} in bits for p = (1/2, 1/4, 1/8, 1/8). */
    static double[] neverBelowEntropy() {
        // tag::ce-never-below-entropy[]
        double[] p = {0.5, 0.25, 0.125, 0.125};
        double entropy = Measures.entropy(p, Unit.BITS);
        double uniform = Measures.crossEntropy(p, new double[] {0.25, 0.25, 0.25, 0.25}, Unit.BITS);
        double close = Measures.crossEntropy(p, new double[] {0.45, 0.3, 0.125, 0.125}, Unit.BITS);
        double far = Measures.crossEntropy(p, new double[] {0.1, 0.1, 0.4, 0.4}, Unit.BITS);
        double exact = Measures.crossEntropy(p, p, Unit.BITS);
        // end::ce-never-below-entropy[]
        return new double[] {entropy, uniform, close, far, exact};
    }

    /** Returns {H(p, q), H(q, p)} in bits for colah's p and q. */
    static double[] asymmetry() {
        // tag::ce-asymmetry[]
        double[] p = {0.5, 0.25, 0.125, 0.125};
        double[] q = {0.125, 0.5, 0.25, 0.125};
        double pCodedForQ = Measures.crossEntropy(p, q, Unit.BITS);
        double qCodedForP = Measures.crossEntropy(q, p, Unit.BITS);
        // end::ce-asymmetry[]
        return new double[] {pCodedForQ, qCodedForP};
    }

    /** Exercise: p coded with a fixed 2-bit code, i.e. against the uniform q. */
    static double[] exerciseFixedLength() {
        // tag::ex-ce-fixed-length[]
        double[] p = {0.5, 0.25, 0.125, 0.125};
        double[] uniform = {0.25, 0.25, 0.25, 0.25};
        double fixedLength = Measures.crossEntropy(p, uniform, Unit.BITS);
        double wasted = fixedLength - Measures.entropy(p, Unit.BITS);
        // end::ex-ce-fixed-length[]
        return new double[] {fixedLength, wasted};
    }

    /** Exercise: H(p, q) for colah's p and q in nats. */
    static double exerciseNats() {
        // tag::ex-ce-nats[]
        double[] p = {0.5, 0.25, 0.125, 0.125};
        double[] q = {0.125, 0.5, 0.25, 0.125};
        double nats = Measures.crossEntropy(p, q, Unit.NATS);
        // end::ex-ce-nats[]
        return nats;
    }

    /** Exercise: q gives probability 0 to a symbol p sends. */
    static double exerciseMissingCodeword() {
        // tag::ex-ce-missing-codeword[]
        double[] p = {0.5, 0.25, 0.125, 0.125};
        double[] q = {0.5, 0.25, 0.25, 0.0};         // no codeword for D
        double cost = Measures.crossEntropy(p, q, Unit.BITS);
        // end::ex-ce-missing-codeword[]
        return cost;
    }

    /** Exercise: can a prefix code have the lengths 1, 2, 2, 3? Returns their Kraft sum. */
    static double exerciseKraft() {
        // tag::ex-ce-kraft[]
        int[] lengths = {1, 2, 2, 3};
        double kraftSum = Arrays.stream(lengths).mapToDouble(l -> Math.pow(2, -l)).sum();
        // end::ex-ce-kraft[]
        return kraftSum;
    }

    /**
     * Exercise: the uniform model charges log2 n whatever the source. Returns H(p, u) in bits for
     * three sources over four symbols, and log2 4.
     */
    static double[] exerciseUniformModel() {
        // tag::ex-ce-uniform-model[]
        double[] u = {0.25, 0.25, 0.25, 0.25};
        double colah = Measures.crossEntropy(new double[] {0.5, 0.25, 0.125, 0.125}, u, Unit.BITS);
        double skewed = Measures.crossEntropy(new double[] {0.875, 0.0625, 0.0625, 0}, u, Unit.BITS);
        double certain = Measures.crossEntropy(new double[] {0, 0, 1, 0}, u, Unit.BITS);
        double log2n = Math.log(4) / Math.log(2);
        // end::ex-ce-uniform-model[]
        return new double[] {colah, skewed, certain, log2n};
    }

    private static final String[] SYMBOLS = {"A", "B", "C", "D"};

    /**
     * The code space of the code 0, 10, 110, 111: each codeword of length L is a block 2^−L wide
     * (the share of all binary strings that start with it) and L high.
     */
    public static BlockChart codeSpaceChart() {
        String[] code = {"0", "10", "110", "111"};
        double[] share = Arrays.copyOfRange(kraft(), 1, 5);
        List<BlockChart.Block> blocks = new ArrayList<>();
        double start = 0;
        for (int i = 0; i < code.length; i++) {
            blocks.add(new BlockChart.Block(start, start + share[i], 0, code[i].length(),
                    code[i] + " (" + SYMBOLS[i] + ")"));
            start += share[i];
        }
        return new BlockChart("The code space of the prefix code 0, 10, 110, 111",
                "Four blocks side by side across the code space from 0 to 1. Codeword 0 (A) is 1 bit long and "
                        + "claims the first half; 10 (B), 2 bits, the next quarter; 110 (C) and 111 (D), 3 bits, "
                        + "an eighth each. Each block is 2^−L wide and L high: the shorter the codeword, the more "
                        + "of the space it uses up. Together they fill the space exactly.",
                "share of the code space, 2^−L", "codeword length L in bits",
                List.of(new BlockChart.Series("codewords", blocks)));
    }

    /**
     * Entropy, cross-entropy and KL divergence as areas: one column a symbol, p_i wide. Up to the
     * shorter of the two codewords, −log₂ p_i and −log₂ q_i, both codes pay; above it, either the
     * code built for q pays extra (q_i < p_i) or it saves (q_i > p_i). H(p) is shared + saved,
     * H(p, q) is shared + extra, and D(p‖q) is extra − saved.
     */
    public static BlockChart entropyAreasChart() {
        double[] p = {0.5, 0.25, 0.125, 0.125};
        double[] q = {0.125, 0.5, 0.25, 0.125};
        List<BlockChart.Block> shared = new ArrayList<>();
        List<BlockChart.Block> extra = new ArrayList<>();
        List<BlockChart.Block> saved = new ArrayList<>();
        double start = 0;
        for (int i = 0; i < p.length; i++) {
            double own = Measures.information(p[i], Unit.BITS);
            double wrong = Measures.information(q[i], Unit.BITS);
            double end = start + p[i];
            shared.add(new BlockChart.Block(start, end, 0, Math.min(own, wrong), SYMBOLS[i]));
            if (wrong > own) {
                extra.add(new BlockChart.Block(start, end, own, wrong, "+" + ChartText.digits(p[i] * (wrong - own))));
            } else if (wrong < own) {
                saved.add(new BlockChart.Block(start, end, wrong, own, "−" + ChartText.digits(p[i] * (own - wrong))));
            }
            start = end;
        }
        double entropy = Measures.entropy(p, Unit.BITS);
        double crossEntropy = Measures.crossEntropy(p, q, Unit.BITS);
        double divergence = Measures.klDivergence(p, q, Unit.BITS);
        return new BlockChart("Entropy, cross-entropy and KL divergence as areas",
                "One column a symbol, as wide as its probability under p: A half the width, B a quarter, C and D "
                        + "an eighth each. The height of a column is a codeword length: 1, 2, 3 and 3 bits in p's "
                        + "own code, 3, 1, 2 and 3 bits in the code built for q. Blue: the bits both codes pay. "
                        + "Orange, on A: the extra bits the code for q spends, because its codeword for A is longer. "
                        + "Green, on B and C: the bits it saves, because those codewords are shorter. "
                        + "Blue plus green is H(p) = " + ChartText.digits(entropy) + " bits; blue plus orange is "
                        + "H(p, q) = " + ChartText.digits(crossEntropy) + " bits; orange minus green is D(p‖q) = "
                        + ChartText.digits(divergence) + " bits.",
                "probability under p (each column's width)", "codeword length in bits",
                List.of(new BlockChart.Series("paid by both codes", shared),
                        new BlockChart.Series("extra: code for q longer", extra),
                        new BlockChart.Series("saved: code for q shorter", saved)));
    }
}
