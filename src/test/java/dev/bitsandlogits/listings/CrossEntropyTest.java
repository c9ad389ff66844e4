package dev.bitsandlogits.listings;

import static dev.bitsandlogits.listings.Expect.close;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * References computed with mpmath, mp.dps = 40, with CE(p, q, b) = -sum(x*log(y, b) for x, y in
 * zip(p, q) if x > 0); p = (1/2, 1/4, 1/8, 1/8) and q = (1/8, 1/2, 1/4, 1/8) are colah's.
 */
@DisplayName("Chapter 3: cross-entropy")
class CrossEntropyTest {

    @Nested
    @DisplayName("the listings")
    class Listings {

        @Test
        @DisplayName("the code 0, 10, 110, 111 has lengths -log2 p and averages H(p) = 1.75 bits")
        void optimalCode() {
            close(new double[] {1, 2, 3, 3}, CrossEntropy.codeLengths());
            close(new double[] {1.75, 1.75}, CrossEntropy.optimalCode());
        }

        @Test
        @DisplayName("q's messages in p's code cost H(q, p) = 2.25 bits, not H(q) = 1.75")
        void wrongCode() {
            close(new double[] {2.25, 2.25, 1.75}, CrossEntropy.wrongCode()); // CE(q, p), CE(q, q)
        }

        @Test
        @DisplayName("no model beats the entropy; only q = p reaches it")
        void neverBelowEntropy() {
            double[] r = CrossEntropy.neverBelowEntropy();
            close(1.75, r[0]);
            close(2.0, r[1]);
            close(1.760242945264076534085565892182271995949, r[2]); // CE(p, [0.45, 0.3, 0.125, 0.125])
            close(2.821928094887362347870319429489390175865, r[3]); // CE(p, [0.1, 0.1, 0.4, 0.4])
            close(1.75, r[4]);
        }

        @Test
        @DisplayName("H(p, q) = 2.375 but H(q, p) = 2.25 bits")
        void asymmetry() {
            close(new double[] {2.375, 2.25}, CrossEntropy.asymmetry());
        }
    }

    @Nested
    @DisplayName("the exercise answers")
    class Exercises {

        @Test
        @DisplayName("a fixed 2-bit code wastes a quarter of a bit")
        void fixedLength() {
            close(new double[] {2.0, 0.25}, CrossEntropy.exerciseFixedLength());
        }

        @Test
        @DisplayName("H(p, q) in nats is 2.375 ln 2")
        void nats() {
            close(1.646224553829870109865926288463169349179, CrossEntropy.exerciseNats()); // CE(p, q, e)
        }

        @Test
        @DisplayName("a missing codeword costs infinitely many bits")
        void missingCodeword() {
            assertEquals(Double.POSITIVE_INFINITY, CrossEntropy.exerciseMissingCodeword());
        }
    }
}
