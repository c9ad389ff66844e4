package dev.bitsandlogits.listings;

import dev.bitsandlogits.press.api.BarChart;
import dev.bitsandlogits.press.api.Chart;

import java.util.List;
import java.util.stream.IntStream;

import dev.bitsandlogits.info.Measures;
import dev.bitsandlogits.info.Unit;

/**
 * Chapter 2, entropy. Each tagged region is shown on the page and executed at build time; the
 * methods return the region's results so that tests can check them.
 */
public final class Entropy {

    private Entropy() {
    }

    /** Returns H in bits of {63/64, 1/64}, {1/2, 1/2} and {1, 0}. */
    static double[] threeMatches() {
        // tag::entropy-three-matches[]
        double lopsided = Measures.entropy(new double[] {63.0 / 64, 1.0 / 64}, Unit.BITS);
        double even = Measures.entropy(new double[] {0.5, 0.5}, Unit.BITS);
        double settled = Measures.entropy(new double[] {1.0, 0.0}, Unit.BITS);
        // end::entropy-three-matches[]
        return new double[] {lopsided, even, settled};
    }

    /** Returns {Σ p·I(p) computed term by term, Measures.entropy} in bits for 63/64 vs 1/64. */
    static double[] expectedSurprise() {
        // tag::entropy-expected-surprise[]
        double pChina = 63.0 / 64;
        double pBrazil = 1.0 / 64;
        double average = pChina * Measures.information(pChina, Unit.BITS) +
                pBrazil * Measures.information(pBrazil, Unit.BITS);
        double entropy = Measures.entropy(new double[] {pChina, pBrazil}, Unit.BITS);
        // end::entropy-expected-surprise[]
        return new double[] {average, entropy};
    }

    /** Returns H in bits of four distributions over four outcomes, and log2 4. */
    static double[] uniformIsMaximal() {
        // tag::entropy-uniform-max[]
        double uniform = Measures.entropy(new double[] {0.25, 0.25, 0.25, 0.25}, Unit.BITS);
        double tilted = Measures.entropy(new double[] {0.4, 0.3, 0.2, 0.1}, Unit.BITS);
        double peaked = Measures.entropy(new double[] {0.7, 0.1, 0.1, 0.1}, Unit.BITS);
        double certain = Measures.entropy(new double[] {0, 1, 0, 0}, Unit.BITS);
        double bound = Math.log(4) / Math.log(2);   // log2 of the number of outcomes
        // end::entropy-uniform-max[]
        return new double[] {uniform, tilted, peaked, certain, bound};
    }

    /** The binary entropy H_b(p) = −p log₂ p − (1−p) log₂ (1−p) at 201 points of [0, 1]. */
    public static Chart binaryEntropyChart() {
        int n = 200;
        double[] p = new double[n + 1];
        double[] h = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            p[i] = (double) i / n;
            h[i] = Measures.entropy(new double[] {p[i], 1 - p[i]}, Unit.BITS);
        }
        return new Chart("Binary entropy of a coin that lands heads with probability p",
                "The entropy of a coin that lands heads with probability p, in bits, for p from 0 to 1. "
                        + "The curve is 0 at both ends, rises symmetrically and peaks at 1 bit at p = 0.5.",
                "p (probability of heads)", "entropy in bits",
                List.of(new Chart.Series("entropy of (p, 1 − p)", p, h)));
    }

    /** The entropies of the four distributions of {@code entropy-uniform-max}, as bars. */
    public static BarChart entropyFourOutcomesChart() {
        double[] r = uniformIsMaximal();
        return new BarChart("Entropy of four distributions over four outcomes, in bits",
                "Four bars: the uniform distribution (1/4 each) reaches the bound log₂ 4 = 2 bits; "
                        + "(0.4, 0.3, 0.2, 0.1) is a little lower, (0.7, 0.1, 0.1, 0.1) lower still, "
                        + "and the certain (0, 1, 0, 0) has entropy 0.",
                "distribution over outcomes 0, 1, 2, 3", "entropy in bits",
                List.of("uniform (¼, ¼, ¼, ¼)", "tilted (0.4, 0.3, 0.2, 0.1)", "peaked (0.7, 0.1, 0.1, 0.1)",
                        "certain (0, 1, 0, 0)"),
                List.of(new BarChart.Series("H(p)", new double[] {r[0], r[1], r[2], r[3]})), false);
    }

    /** Exercise: entropy of a fair six-sided die, in bits. */
    static double exerciseDie() {
        // tag::ex-entropy-die[]
        double[] die = {1.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6};
        double dieBits = Measures.entropy(die, Unit.BITS);
        // end::ex-entropy-die[]
        return dieBits;
    }

    /** Exercise: a coin with P(heads) = 0.9, in bits; and how many such flips make 1 bit. */
    static double[] exerciseBiasedCoin() {
        // tag::ex-entropy-biased-coin[]
        double biased = Measures.entropy(new double[] {0.9, 0.1}, Unit.BITS);
        double flipsPerBit = 1 / biased;    // flips needed, on average, to learn one bit
        // end::ex-entropy-biased-coin[]
        return new double[] {biased, flipsPerBit};
    }

    /** Exercise: entropy of {1/2, 1/4, 1/4} in bits and nats. */
    static double[] exerciseUnits() {
        // tag::ex-entropy-units[]
        double[] p = {0.5, 0.25, 0.25};
        double bits = Measures.entropy(p, Unit.BITS);
        double nats = Measures.entropy(p, Unit.NATS);
        // end::ex-entropy-units[]
        return new double[] {bits, nats};
    }

    /**
     * Exercise: two independent experiments, the bent coin and a fair die, and the joint
     * distribution of the pair. Returns {H(coin), H(die), H(pair)} in bits.
     */
    static double[] exerciseIndependentPair() {
        // tag::ex-entropy-independent-pair[]
        double[] coin = {0.9, 0.1};
        double[] die = {1.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6};
        // outcome k = 6c + d is coin face c with die face d; independent: probabilities multiply
        double[] pair = IntStream.range(0, 12).mapToDouble(k -> coin[k / 6] * die[k % 6]).toArray();
        double coinBits = Measures.entropy(coin, Unit.BITS);
        double dieBits = Measures.entropy(die, Unit.BITS);
        double pairBits = Measures.entropy(pair, Unit.BITS);
        // end::ex-entropy-independent-pair[]
        return new double[] {coinBits, dieBits, pairBits};
    }
}
