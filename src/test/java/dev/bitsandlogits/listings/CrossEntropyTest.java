package dev.bitsandlogits.listings;

import dev.bitsandlogits.press.api.BlockChart;

import static dev.bitsandlogits.listings.Expect.close;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        @DisplayName("p's messages in the code built for q cost H(p, q) = 2.375 bits, not H(p) = 1.75")
        void wrongCode() {
            close(new double[] {2.375, 2.375, 1.75}, CrossEntropy.wrongCode()); // CE(p, q), CE(p, p)
        }

        @Test
        @DisplayName("the code 0, 10, 110, 111 fills the code space exactly, and its model is p")
        void kraft() {
            close(new double[] {1.0, 0.5, 0.25, 0.125, 0.125}, CrossEntropy.kraft());
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
    @DisplayName("the charts")
    class Charts {

        @Test
        @DisplayName("the code space: blocks 2^-L wide and L high, side by side from 0 to 1")
        void codeSpace() {
            BlockChart chart = CrossEntropy.codeSpaceChart();
            var blocks = chart.series().get(0).blocks();
            double[][] expected = {{0, 0.5, 1}, {0.5, 0.75, 2}, {0.75, 0.875, 3}, {0.875, 1, 3}};
            assertEquals(4, blocks.size());
            for (int i = 0; i < 4; i++) {
                assertEquals(expected[i][0], blocks.get(i).x0(), "x0 of block " + i);
                assertEquals(expected[i][1], blocks.get(i).x1(), "x1 of block " + i);
                assertEquals(expected[i][2], blocks.get(i).y1(), "height of block " + i);
            }
            assertEquals("110 (C)", blocks.get(2).label());
        }

        @Test
        @DisplayName("the areas: shared + saved is H(p), shared + extra is H(p, q), extra - saved is D(p||q)")
        void areas() {
            BlockChart chart = CrossEntropy.entropyAreasChart();
            double[] areas = new double[3];
            for (int s = 0; s < 3; s++) {
                for (BlockChart.Block b : chart.series().get(s).blocks()) {
                    areas[s] += (b.x1() - b.x0()) * (b.y1() - b.y0());
                }
            }
            close(1.75, areas[0] + areas[2]);
            close(2.375, areas[0] + areas[1]);
            close(0.625, areas[1] - areas[2]);
            assertEquals(1, chart.series().get(1).blocks().size(), "only A's codeword is longer");
            assertEquals("+1", chart.series().get(1).blocks().get(0).label());
            assertTrue(chart.description().contains("D(p‖q) = 0.625 bits"), chart.description());
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
        @DisplayName("lengths 1, 2, 2, 3 would need 9/8 of the code space")
        void kraftImpossible() {
            close(1.125, CrossEntropy.exerciseKraft());
        }

        @Test
        @DisplayName("the uniform model charges log2 4 = 2 bits whatever the source")
        void uniformModel() {
            double[] r = CrossEntropy.exerciseUniformModel();
            close(2.0, r[0]);
            close(2.0, r[1]);
            close(2.0, r[2]);
            close(2.0, r[3]);
        }

        @Test
        @DisplayName("a missing codeword costs infinitely many bits")
        void missingCodeword() {
            assertEquals(Double.POSITIVE_INFINITY, CrossEntropy.exerciseMissingCodeword());
        }
    }
}
