package dev.bitsandlogits.listings;

import java.util.Arrays;
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
        double[] lengths = Arrays.stream(probabilities).map(p -> Measures.information(p, Unit.BITS)).toArray();
        // end::ce-code-lengths[]
        return lengths;
    }

    /** Returns {average length when q's messages use p's code, H(q, p), H(q)} in bits. */
    static double[] wrongCode() {
        // tag::ce-wrong-code[]
        double[] p = {0.5, 0.25, 0.125, 0.125};      // the code 0, 10, 110, 111 was built for p
        double[] q = {0.125, 0.5, 0.25, 0.125};      // but the messages now come from q
        int[] lengths = {1, 2, 3, 3};
        double averageLength = IntStream.range(0, 4).mapToDouble(i -> q[i] * lengths[i]).sum();
        double crossEntropy = Measures.crossEntropy(q, p, Unit.BITS);
        double best = Measures.entropy(q, Unit.BITS);  // what a code built for q would achieve
        // end::ce-wrong-code[]
        return new double[] {averageLength, crossEntropy, best};
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
}
