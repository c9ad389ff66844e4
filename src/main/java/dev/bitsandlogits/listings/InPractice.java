package dev.bitsandlogits.listings;

import dev.bitsandlogits.press.api.Chart;

import java.util.List;

import dev.bitsandlogits.loss.CrossEntropyLoss;
import dev.bitsandlogits.loss.Losses;
import dev.bitsandlogits.loss.Reduction;
import dev.bitsandlogits.loss.Softmax;

/**
 * Chapter 7, cross-entropy in practice. Each tagged region is shown on the page and executed at
 * build time; the methods return the region's results so that tests can check them.
 */
public final class InPractice {

    private InPractice() {
    }

    /** Returns {per-example losses..., mean, mean of the sparse losses} for the running batch. */
    static double[] plain() {
        // tag::practice-plain[]
        int[] targets = {2, 0};
        double[][] logits = {{2.0, -1.0, 3.0}, {1.0, 0.0, -0.5}};
        double[] perExample = CrossEntropyLoss.builder().build().perExample(targets, logits);
        double mean = CrossEntropyLoss.builder().build().apply(targets, logits);   // PyTorch's defaults
        double[] sparse = Losses.sparseSoftmaxCrossEntropyWithLogits(targets, logits);
        double sparseMean = (sparse[0] + sparse[1]) / 2;
        // end::practice-plain[]
        return new double[] {perExample[0], perExample[1], mean, sparseMean};
    }

    /** Returns {smoothed loss of example 0 from the library, the same by hand, unsmoothed loss}. */
    static double[] labelSmoothing() {
        // tag::practice-label-smoothing[]
        double epsilon = 0.1;
        double[] z = {2.0, -1.0, 3.0};
        int target = 2;
        double library = CrossEntropyLoss.builder().labelSmoothing(epsilon).build().perExample(
                new int[] {target}, new double[][] {z})[0];
        double[] logQ = Softmax.logSoftmax(z);
        double byHand = -(1 - epsilon) * logQ[target] - epsilon / 3 * (logQ[0] + logQ[1] + logQ[2]);
        double unsmoothed = -logQ[target];
        // end::practice-label-smoothing[]
        return new double[] {library, byHand, unsmoothed};
    }

    /** Returns {plain per-example losses (4), plain MEAN, weighted MEAN, the weighted MEAN by hand}. */
    static double[] classWeights() {
        // tag::practice-class-weights[]
        int[] targets = {0, 0, 0, 2};                // class 2 is rare: one example in four
        double[][] logits = {{3.0, 0.0, -1.0}, {2.5, 0.5, 0.0}, {2.0, -1.0, 0.5},
            {1.0, 0.5, -0.5}};                       // the class-2 example gets class 2's smallest logit
        double[] weights = {1.0, 1.0, 3.0};          // count class 2 three times
        double[] plain = CrossEntropyLoss.builder().build().perExample(targets, logits);
        double plainMean = CrossEntropyLoss.builder().build().apply(targets, logits);
        double weightedMean = CrossEntropyLoss.builder().classWeights(weights).build().apply(
                targets, logits);
        double byHand = (plain[0] + plain[1] + plain[2] + weights[2] * plain[3]) / (1 + 1 + 1 + weights[2]);
        // end::practice-class-weights[]
        return new double[] {plain[0], plain[1], plain[2], plain[3], plainMean, weightedMean, byHand};
    }

    /** Returns {per-example losses with a padded row, mean with ignore, mean of the kept rows alone}. */
    static double[] ignoreIndex() {
        // tag::practice-ignore-index[]
        int[] targets = {2, -100, 0};                // the middle row is padding
        double[][] logits = {{2.0, -1.0, 3.0}, {9.0, 9.0, 9.0}, {1.0, 0.0, -0.5}};
        // ignoreIndex -100
        double[] perExample = CrossEntropyLoss.builder().build().perExample(targets, logits);
        double mean = CrossEntropyLoss.builder().build().apply(targets, logits);
        double keptOnly = CrossEntropyLoss.builder().build().apply(
                new int[] {2, 0}, new double[][] {logits[0], logits[2]});
        // end::practice-ignore-index[]
        return new double[] {perExample[0], perExample[1], perExample[2], mean, keptOnly};
    }

    /** Returns {MEAN, SUM, SUM / MEAN}. */
    static double[] reductions() {
        // tag::practice-reduction[]
        int[] targets = {2, 0};
        double[][] logits = {{2.0, -1.0, 3.0}, {1.0, 0.0, -0.5}};
        double mean = CrossEntropyLoss.builder().reduction(Reduction.MEAN).build().apply(targets, logits);
        double sum = CrossEntropyLoss.builder().reduction(Reduction.SUM).build().apply(targets, logits);
        double ratio = sum / mean;                   // the batch size
        // end::practice-reduction[]
        return new double[] {mean, sum, ratio};
    }

    /** Exercise: with smoothing, a more confident correct prediction can cost more. */
    static double[] exerciseSmoothingFloor() {
        // tag::ex-practice-smoothing-floor[]
        double moderate = CrossEntropyLoss.builder().labelSmoothing(0.1).build().apply(
                new int[] {0}, new double[][] {{3.0, 0.0, 0.0}});
        double extreme = CrossEntropyLoss.builder().labelSmoothing(0.1).build().apply(
                new int[] {0}, new double[][] {{30.0, 0.0, 0.0}});
        // end::ex-practice-smoothing-floor[]
        return new double[] {moderate, extreme};
    }

    /** Exercise: weighted MEAN with weights (2, 1, 1) and targets {0, 1, 1}, by hand and by the library. */
    static double[] exerciseWeightedMean() {
        // tag::ex-practice-weighted-mean[]
        int[] targets = {0, 1, 1};
        double[][] logits = {{0.0, 0.0, 0.0}, {0.0, 0.0, 0.0}, {0.0, 0.0, 0.0}};   // every class 1/3
        double library = CrossEntropyLoss.builder().classWeights(2.0, 1.0, 1.0).build().apply(
                targets, logits);
        double byHand = (2 * Math.log(3) + Math.log(3) + Math.log(3)) / (2 + 1 + 1);
        // end::ex-practice-weighted-mean[]
        return new double[] {library, byHand};
    }

    /** Exercise: MEAN over a batch where every target is ignored throws. */
    static double exerciseAllIgnored() {
        // tag::ex-practice-all-ignored[]
        double loss = CrossEntropyLoss.builder().build().apply(
                new int[] {-100, -100}, new double[][] {{1, 2}, {3, 4}});
        // end::ex-practice-all-ignored[]
        return loss;
    }

    /** Exercise: under smoothing ε the best logit gap is ln(1 + C(1 − ε)/ε); the loss is higher on both sides. */
    static double[] exerciseSmoothingOptimum() {
        // tag::ex-practice-smoothing-optimum[]
        double epsilon = 0.1;
        int classes = 3;
        double tBest = Math.log(1 + classes * (1 - epsilon) / epsilon);    // ln 28
        double[][] logits = {{tBest, 0.0, 0.0}, {tBest - 0.01, 0.0, 0.0}, {tBest + 0.01, 0.0, 0.0}};
        double[] losses = CrossEntropyLoss.builder().labelSmoothing(epsilon).build().perExample(
                new int[] {0, 0, 0}, logits);
        double atBest = losses[0];
        double below = losses[1];                    // a little less confident
        double above = losses[2];                    // a little more confident
        double q0 = Softmax.softmax(new double[] {tBest, 0.0, 0.0})[0];   // = 1 − ε + ε/C
        // end::ex-practice-smoothing-optimum[]
        return new double[] {tBest, atBest, below, above, q0};
    }

    /** The smoothed loss of logits (t, 0, 0) for class 0, for three smoothing weights. */
    public static Chart labelSmoothingChart() {
        int n = 280;
        double[] t = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            t[i] = -2 + 14.0 * i / n;
        }
        List<Chart.Series> series = new java.util.ArrayList<>();
        for (double epsilon : new double[] {0.0, 0.1, 0.2}) {
            CrossEntropyLoss loss = CrossEntropyLoss.builder().labelSmoothing(epsilon).build();
            double[] y = new double[n + 1];
            for (int i = 0; i <= n; i++) {
                y[i] = loss.apply(new int[] {0}, new double[][] {{t[i], 0.0, 0.0}});
            }
            series.add(new Chart.Series("ε = " + epsilon, t, y));
        }
        return new Chart("Label smoothing: the loss of a correct prediction as it grows more confident",
                "The loss of the logits (t, 0, 0) when the target is class 0, for t from −2 to 12 and smoothing "
                        + "ε = 0, 0.1 and 0.2. Without smoothing the loss falls towards 0 as t grows and never turns "
                        + "back. With ε = 0.1 it has a minimum near t = 3.3 and with ε = 0.2 near t = 2.6; beyond "
                        + "the minimum it rises again, almost in a straight line, so ever larger logits are penalised.",
                "logit of the true class, t", "loss (nats)", series);
    }
}
