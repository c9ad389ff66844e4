package dev.bitsandlogits.listings;

import dev.bitsandlogits.press.api.Chart;

import static dev.bitsandlogits.listings.Expect.close;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The training run is checked against src/test/refs/chapters5to8.py, which re-implements the
 * same gradient descent in plain Python floats with its own softmax and gradient: same data, same
 * order of operations, so agreement is to within a few roundings, not exact.
 */
@DisplayName("Chapter 8: a classifier, end to end")
class EndToEndTest {

    /** 150 epochs of a well-conditioned descent in doubles: two implementations agree to ~1e-15; allow 1e-10. */
    private static final double RUN_TOL = 1e-10;

    @Nested
    @DisplayName("the listings")
    class Listings {

        @Test
        @DisplayName("load 150 flowers, 50 of each species, with the published means")
        void load() {
            double[] r = EndToEnd.load();
            assertArrayEquals(new double[] {150, 50, 50, 50}, Arrays.copyOf(r, 4));
            assertArrayEquals(new double[] {876.5 / 150, 458.6 / 150, 563.7 / 150, 179.9 / 150},
                    Arrays.copyOfRange(r, 4, 8), 1e-12);
        }

        @Test
        @DisplayName("hold out every fifth flower, 10 per species, and standardise with the training set's statistics")
        void split() {
            Iris.Flowers[] sets = EndToEnd.split();
            assertArrayEquals(new int[] {40, 40, 40}, sets[0].counts());
            assertArrayEquals(new int[] {10, 10, 10}, sets[1].counts());
            for (int i = 0; i < 4; i++) {
                assertEquals(0.0, sets[2].mean(i), 1e-14);
                assertEquals(1.0, sets[2].standardDeviation(i), 1e-14);
            }
            // the held-out flowers are scaled with the training set's mu and s, so their mean is not 0
            assertTrue(Math.abs(sets[3].mean(0)) > 1e-3);
        }

        @Test
        @DisplayName("start at ln 3")
        void start() {
            close(1.098612288668109691395245236922525704647, EndToEnd.start()[0]);   // ln 3
        }

        @Test
        @DisplayName("train to the losses and accuracies of an independent implementation")
        void evaluate() {
            double[] r = EndToEnd.evaluate();
            assertEquals(0.147991768950048, r[0], RUN_TOL);
            assertEquals(0.1247938920066219, r[1], RUN_TOL);
            assertEquals(116.0 / 120, r[2]);
            assertEquals(29.0 / 30, r[3]);
        }

        @Test
        @DisplayName("make no mistake on setosa; the others are versicolor taken for virginica and back")
        void mistakes() {
            Iris.Flowers[] sets = EndToEnd.split();
            double[][] trained = EndToEnd.train();
            double[][] w = Arrays.copyOf(trained, 4);
            for (Iris.Flowers flowers : new Iris.Flowers[] {sets[2], sets[3]}) {
                double[][] z = EndToEnd.logits(flowers.features(), w, trained[4]);
                for (int n = 0; n < z.length; n++) {
                    int best = 0;
                    for (int c = 1; c < 3; c++) {
                        best = z[n][c] > z[n][best] ? c : best;
                    }
                    int label = flowers.labels()[n];
                    if (label == 0 || best == 0) {
                        assertEquals(label, best, "flower " + n);
                    }
                }
            }
        }
    }

    @Nested
    @DisplayName("the charts")
    class Charts {

        @Test
        @DisplayName("record the same run as the listings, whose training loss falls at every epoch")
        void history() {
            double[][] history = EndToEnd.history(EndToEnd.EPOCHS, EndToEnd.LEARNING_RATE);
            assertEquals(151, history.length);
            close(Math.log(3), history[0][0]);
            assertArrayEquals(EndToEnd.evaluate(), history[150]);
            for (int k = 0; k < 150; k++) {
                assertTrue(history[k + 1][0] < history[k][0], "epoch " + k);
            }
            assertTrue(history[5][2] > 0.8 && history[5][3] > 0.8, "above 0.8 after a few epochs, as the text says");
        }

        @Test
        @DisplayName("have two series of 151 points each")
        void shape() {
            for (Chart chart : new Chart[] {EndToEnd.irisLearningCurveChart(), EndToEnd.irisAccuracyChart()}) {
                assertEquals(2, chart.series().size());
                assertEquals(151, chart.series().get(1).y().length);
            }
        }
    }

    @Nested
    @DisplayName("the exercise answers")
    class Exercises {

        @Test
        @DisplayName("the best constant prediction costs the entropy of the labels, ln 3")
        void constant() {
            double[] r = EndToEnd.exerciseConstantPrediction();
            close(1.098612288668109691395245236922525704647, r[0]);
            close(1.098612288668109691395245236922525704647, r[1]);
        }

        @Test
        @DisplayName("the weight gradient formula matches a central difference")
        void weightGradient() {
            double[] r = EndToEnd.exerciseWeightGradient();
            assertTrue(Math.abs(r[0]) > 1e-4, "not zero: training stopped before the minimum");
            assertEquals(r[0], r[1], 1e-9);   // h = 1e-5: truncation and rounding ~1e-11
        }

        @Test
        @DisplayName("the new flower: versicolor or virginica, the model unsure")
        void newFlower() {
            double[] q = EndToEnd.exerciseNewFlower();
            assertArrayEquals(new double[] {0.0032603864982491356, 0.46659506264012535, 0.5301445508616256}, q, RUN_TOL);
        }

        @Test
        @DisplayName("learning rates 0.05, 0.5, 5: the largest ends lowest but rose once")
        void learningRate() {
            double[] r = EndToEnd.exerciseLearningRate();
            assertEquals(0.3625168315412239, r[0], RUN_TOL);
            assertEquals(0.147991768950048, r[1], RUN_TOL);
            assertEquals(0.058219930321237325, r[2], RUN_TOL);
            assertEquals(1.0, r[3]);
        }
    }
}
