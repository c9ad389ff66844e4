package dev.bitsandlogits.listings;

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

    /** Returns {weighted per-example losses, weighted MEAN, weighted SUM, the MEAN by hand}. */
    static double[] classWeights() {
        // tag::practice-class-weights[]
        int[] targets = {2, 0};
        double[][] logits = {{2.0, -1.0, 3.0}, {1.0, 0.0, -0.5}};
        double[] weights = {1.0, 1.0, 4.0};          // class 2 is rare: count it four times
        double[] perExample = CrossEntropyLoss.builder().classWeights(weights).build().perExample(targets, logits);
        double mean = CrossEntropyLoss.builder().classWeights(weights).build().apply(targets, logits);
        double sum = CrossEntropyLoss.builder().classWeights(weights).reduction(Reduction.SUM).build().apply(targets, logits);
        double meanByHand = (perExample[0] + perExample[1]) / (weights[2] + weights[0]);
        // end::practice-class-weights[]
        return new double[] {perExample[0], perExample[1], mean, sum, meanByHand};
    }

    /** Returns {per-example losses with a padded row, mean with ignore, mean of the kept rows alone}. */
    static double[] ignoreIndex() {
        // tag::practice-ignore-index[]
        int[] targets = {2, -100, 0};                // the middle row is padding
        double[][] logits = {{2.0, -1.0, 3.0}, {9.0, 9.0, 9.0}, {1.0, 0.0, -0.5}};
        double[] perExample = CrossEntropyLoss.builder().build().perExample(targets, logits);  // ignoreIndex -100
        double mean = CrossEntropyLoss.builder().build().apply(targets, logits);
        double keptOnly = CrossEntropyLoss.builder().build().apply(new int[] {2, 0}, new double[][] {logits[0], logits[2]});
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
        double library = CrossEntropyLoss.builder().classWeights(2.0, 1.0, 1.0).build().apply(targets, logits);
        double byHand = (2 * Math.log(3) + Math.log(3) + Math.log(3)) / (2 + 1 + 1);
        // end::ex-practice-weighted-mean[]
        return new double[] {library, byHand};
    }

    /** Exercise: MEAN over a batch where every target is ignored throws. */
    static double exerciseAllIgnored() {
        // tag::ex-practice-all-ignored[]
        double loss = CrossEntropyLoss.builder().build().apply(new int[] {-100, -100}, new double[][] {{1, 2}, {3, 4}});
        // end::ex-practice-all-ignored[]
        return loss;
    }
}
