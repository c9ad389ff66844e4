package dev.bitsandlogits.listings;

import dev.bitsandlogits.press.api.Chart;

import static dev.bitsandlogits.listings.Expect.close;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * References computed with mpmath, mp.dps = 40, with nl(z) = [lse(z) - x for x in z] the
 * per-class surprises and lse(z) = log(sum(exp(x) for x in z)); the running batch has
 * a = nl([2, -1, 3]) with target 2 and b = nl([1, 0, -0.5]) with target 0.
 */
@DisplayName("Chapter 7: cross-entropy in practice")
class InPracticeTest {

    private static final double A2 = 0.3265626412674704583687830730138757252213; // a[2]
    private static final double B0 = 0.464368784107944841620106056253531495843;  // b[0]
    private static final double MEAN = 0.3954657126877076499944445646337036105321; // (a[2] + b[0])/2
    private static final double LN3 = 1.098612288668109691395245236922525704647;  // log(3)

    @Nested
    @DisplayName("the listings")
    class Listings {

        @Test
        @DisplayName("the plain loss is the mean of the sparse losses")
        void plain() {
            close(new double[] {A2, B0, MEAN, MEAN}, InPractice.plain());
        }

        @Test
        @DisplayName("label smoothing 0.1: (1 - e) a[2] + e/3 sum(a)")
        void labelSmoothing() {
            double smoothed = 0.4932293079341371250354497396805423918879; // 0.9*a[2] + 0.1/3*sum(a)
            close(new double[] {smoothed, smoothed, A2}, InPractice.labelSmoothing());
        }

        @Test
        @DisplayName("class weights (1, 1, 3): the badly predicted rare class raises the MEAN, which divides by 6")
        void classWeights() {
            // src/test/refs/chapters5to8.py: l[n] = lse(row) - row[target]
            double[] l = {0.06588390375742916807375579, 0.1967340969196170726306514, 0.2413112966571570602114411,
                2.104130605336728272047522};
            double plainMean = 0.6520149756677328932408425;     // sum(l)/4
            double weightedMean = 1.136053518890731352843069;   // (l0 + l1 + l2 + 3 l3)/6
            close(new double[] {l[0], l[1], l[2], l[3], plainMean, weightedMean, weightedMean}, InPractice.classWeights());
            assertTrue(weightedMean > plainMean, "the prose says the weighted mean rises");
        }

        @Test
        @DisplayName("an ignored row costs 0 and leaves the mean of the others")
        void ignoreIndex() {
            close(new double[] {A2, 0.0, B0, MEAN, MEAN}, InPractice.ignoreIndex());
        }

        @Test
        @DisplayName("SUM is MEAN times the batch size")
        void reductions() {
            close(new double[] {MEAN, 0.7909314253754152999888891292674072210643, 2.0}, InPractice.reductions()); // a[2] + b[0]
        }
    }

    @Nested
    @DisplayName("the exercise answers")
    class Exercises {

        @Test
        @DisplayName("with smoothing, the extreme prediction costs more than the moderate one")
        void smoothingFloor() {
            double[] r = InPractice.exerciseSmoothingFloor();
            close(0.2949229564209608913121233476157089485109, r[0]); // 0.9*nl([3,0,0])[0] + 0.1/3*sum(nl([3,0,0]))
            close(2.000000000000187152459376785979076791254, r[1]);  // same for [30, 0, 0]
            assertTrue(r[1] > r[0]);
        }

        @Test
        @DisplayName("a weighted mean of equal losses is that loss, ln 3")
        void weightedMean() {
            close(new double[] {LN3, LN3}, InPractice.exerciseWeightedMean());
        }

        @Test
        @DisplayName("MEAN over only ignored targets is refused")
        void allIgnored() {
            var e = assertThrows(IllegalArgumentException.class, InPractice::exerciseAllIgnored);
            assertTrue(e.getMessage().contains("ignored"), e.getMessage());
        }
    
        @Test
        @DisplayName("under smoothing 0.1 the best logit gap is ln 28, where q0 = 1 - e + e/3")
        void smoothingOptimum() {
            double[] r = InPractice.exerciseSmoothingOptimum();
            close(3.332204510175203864463584, r[0]);       // ln 28
            close(0.2911398388319650587343747, r[1]);      // the smoothed loss there (chapters5to8.py)
            assertTrue(r[2] > r[1] && r[3] > r[1], "higher on both sides: " + java.util.Arrays.toString(r));
            close(0.9333333333333333258905103, r[4]);      // softmax(ln 28, 0, 0)[0] = 28/30
        }
    }

    @Nested
    @DisplayName("the label-smoothing chart")
    class SmoothingChart {

        @Test
        @DisplayName("has its minimum at ln(1 + 3(1 - e)/e) for e > 0, as the prose says, and none for e = 0")
        void minima() {
            Chart chart = InPractice.labelSmoothingChart();
            assertEquals(3, chart.series().size());
            double step = 14.0 / 280;
            double[] expected = {Double.NaN, Math.log(28), Math.log(13)};
            for (int k = 0; k < 3; k++) {
                double[] t = chart.series().get(k).x();
                double[] y = chart.series().get(k).y();
                int best = 0;
                for (int i = 1; i < y.length; i++) {
                    if (y[i] < y[best]) {
                        best = i;
                    }
                }
                if (k == 0) {
                    assertEquals(y.length - 1, best, "without smoothing the loss falls all the way");
                } else {
                    assertEquals(expected[k], t[best], step, "minimum of " + chart.series().get(k).name());
                }
            }
        }
    }
}
