package dev.bitsandlogits.bench;

import dev.bitsandlogits.loss.Losses;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sparse softmax cross-entropy of a 1024 × 1000 batch: the library against a bare loop with no
 * validation and no stabilisation, and against the textbook softmax-then-log implementation.
 * Run command and results: BENCH.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class SparseCrossEntropyBenchmark {

  private static final int BATCH = 1024;
  private static final int CLASSES = 1000;

  private int[] labels;
  private double[][] logits;

  @Setup
  public void setUp() {
    Random random = new Random(20261125);
    labels = new int[BATCH];
    logits = new double[BATCH][CLASSES];
    for (int i = 0; i < BATCH; i++) {
      labels[i] = random.nextInt(CLASSES);
      for (int j = 0; j < CLASSES; j++) {
        logits[i][j] = 3 * random.nextGaussian();
      }
    }
  }

  /** The library: one pass per row with validation, online log-sum-exp, cancellation-free. */
  @Benchmark
  public double[] library() {
    return Losses.sparseSoftmaxCrossEntropyWithLogits(labels, logits);
  }

  /** One pass of Math.exp, then Math.log: no checks, overflows beyond logits of ~709. */
  @Benchmark
  public double[] bareSinglePass() {
    double[] losses = new double[BATCH];
    for (int i = 0; i < BATCH; i++) {
      double[] z = logits[i];
      double sum = 0;
      for (int j = 0; j < z.length; j++) {
        sum += Math.exp(z[j]);
      }
      losses[i] = Math.log(sum) - z[labels[i]];
    }
    return losses;
  }

  /** Textbook: max, then a softmax row array (exp, sum, divide), then −log p_y. */
  @Benchmark
  public double[] naiveTwoPass() {
    double[] losses = new double[BATCH];
    for (int i = 0; i < BATCH; i++) {
      double[] z = logits[i];
      double max = Double.NEGATIVE_INFINITY;
      for (double x : z) {
        max = Math.max(max, x);
      }
      double[] p = new double[z.length];
      double sum = 0;
      for (int j = 0; j < z.length; j++) {
        p[j] = Math.exp(z[j] - max);
        sum += p[j];
      }
      for (int j = 0; j < z.length; j++) {
        p[j] /= sum;
      }
      losses[i] = -Math.log(p[labels[i]]);
    }
    return losses;
  }
}
