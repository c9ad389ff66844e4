package dev.bitsandlogits.listings;

import dev.bitsandlogits.press.api.BarChart;
import dev.bitsandlogits.press.api.Chart;

import static dev.bitsandlogits.listings.Expect.close;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** References computed with mpmath, mp.dps = 40; H(p, b) = -sum(x*log(x, b) for x in p if x > 0). */
@DisplayName("Chapter 2: entropy")
class EntropyTest {

    private static final double H_LOPSIDED = 0.1161150753047697244997629074526527961231; // H([63/64, 1/64])

    @Nested
    @DisplayName("the listings")
    class Listings {

        @Test
        @DisplayName("entropy is the average information, term by term")
        void expectedSurprise() {
            close(new double[] {H_LOPSIDED, H_LOPSIDED}, Entropy.expectedSurprise());
        }

        @Test
        @DisplayName("63/64 vs 1/64, an even match and a certain one")
        void threeMatches() {
            close(new double[] {H_LOPSIDED, 1.0, 0.0}, Entropy.threeMatches());
        }

        @Test
        @DisplayName("the uniform distribution reaches log2 4 = 2 bits, the others less")
        void uniformIsMaximal() {
            double[] r = Entropy.uniformIsMaximal();
            close(2.0, r[0]);
            close(1.846439344671015493434197746305045223237, r[1]); // H([0.4, 0.3, 0.2, 0.1])
            close(1.356779649447039472660940907427108609816, r[2]); // H([0.7, 0.1, 0.1, 0.1])
            close(0.0, r[3]);
            close(2.0, r[4]);
        }
    }

    @Nested
    @DisplayName("the binary entropy chart")
    class BinaryEntropyChart {

        @Test
        @DisplayName("has 201 points from 0 to 1, zero at the ends and 1 bit in the middle")
        void shape() {
            Chart chart = Entropy.binaryEntropyChart();
            assertEquals(1, chart.series().size());
            double[] x = chart.series().get(0).x();
            double[] y = chart.series().get(0).y();
            assertEquals(201, x.length);
            assertEquals(0.0, y[0]);
            assertEquals(0.0, y[200]);
            close(1.0, y[100]);
            close(0.4689955935892812212535893303833204600972, y[20]); // H([0.1, 0.9])
            for (int i = 1; i <= 100; i++) {
                assertTrue(y[i] > y[i - 1], "increasing up to p = 1/2");
            }
        }
    }

    @Test
    @DisplayName("the four-outcome bar chart shows the four entropies in the order of the listing")
    void fourOutcomesChart() {
        BarChart chart = Entropy.entropyFourOutcomesChart();
        assertEquals(4, chart.categories().size());
        close(new double[] {2.0, 1.846439344671015493434197746305045223237, 1.356779649447039472660940907427108609816,
            0.0}, chart.series().get(0).values());
    }

    @Nested
    @DisplayName("the exercise answers")
    class Exercises {

        @Test
        @DisplayName("the entropy of two independent experiments is the sum of theirs")
        void independentPair() {
            double[] r = Entropy.exerciseIndependentPair();
            close(0.4689955935892812212535893303833204600972, r[0]); // H([0.9, 0.1])
            close(2.58496250072115618145373894394781650876, r[1]);   // log(6, 2)
            // H of the 12 products 0.9/6 (six times) and 0.1/6 (six times), computed as a joint distribution
            close(3.053958094310437402707328274331136968857, r[2]);
        }

        @Test
        @DisplayName("a fair die has log2 6 bits of entropy")
        void die() {
            close(2.58496250072115618145373894394781650876, Entropy.exerciseDie()); // log(6, 2)
        }

        @Test
        @DisplayName("a 90/10 coin has under half a bit")
        void biasedCoin() {
            double[] r = Entropy.exerciseBiasedCoin();
            close(0.4689955935892812212535893303833204600972, r[0]); // H([0.9, 0.1])
            close(2.132216194926004425541207229130438467656, r[1]);  // 1/H([0.9, 0.1])
        }

        @Test
        @DisplayName("(1/2, 1/4, 1/4) has 1.5 bits, 1.5 ln 2 nats")
        void units() {
            double[] r = Entropy.exerciseUnits();
            close(1.5, r[0]);
            close(1.039720770839917964125848182187264852113, r[1]); // H([1/2, 1/4, 1/4], e)
        }
    }
}
