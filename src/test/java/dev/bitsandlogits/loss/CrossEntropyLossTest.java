package dev.bitsandlogits.loss;

import static dev.bitsandlogits.NumericAssertions.assertRelativelyClose;
import static dev.bitsandlogits.NumericAssertions.assertThrowsMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

// Expected values: src/test/refs/references.py, function torch_ce, which evaluates the formula
// of the torch.nn.CrossEntropyLoss documentation (and aten's cross_entropy_loss_label_smoothing:
// (1 − ε)·nll + ε/C·smooth, MEAN dividing both by Σ w over kept targets) in mpmath.
@DisplayName("CrossEntropyLoss")
class CrossEntropyLossTest {

  private static final int[] TARGETS = {2, 0, 1, -100};
  private static final double[][] LOGITS = {
      {2, -1, 3}, {1, 0, -0.5}, {0.5, 0.25, -2}, {7, 7, 7}};
  private static final double[] WEIGHTS = {1, 2, 0.5};

  @Nested
  @DisplayName("without options")
  class Plain {

    @Test
    @DisplayName("per example equals −log softmax, 0 for the ignored target")
    void perExample() {
      assertRelativelyClose(
          new double[] {0.3265626412674705, 0.46436878410794485, 0.8710526010830603, 0.0},
          CrossEntropyLoss.builder().build().perExample(TARGETS, LOGITS));
    }

    @Test
    @DisplayName("MEAN divides by the number of kept targets")
    void mean() {
      assertRelativelyClose(0.5539946754861585,
          CrossEntropyLoss.builder().build().apply(TARGETS, LOGITS));
    }

    @Test
    @DisplayName("a custom ignore index")
    void ignoreIndex() {
      assertRelativelyClose(2.061153620314381e-09, CrossEntropyLoss.builder().ignoreIndex(1)
          .build().apply(new int[] {0, 1}, new double[][] {{20, 0}, {1, 2}}));
    }
  }

  @Nested
  @DisplayName("with class weights")
  class Weighted {

    @Test
    void perExampleAndMean() {
      CrossEntropyLoss loss = CrossEntropyLoss.builder().classWeights(WEIGHTS).build();
      assertRelativelyClose(
          new double[] {0.16328132063373524, 0.46436878410794485, 1.7421052021661205, 0.0},
          loss.perExample(TARGETS, LOGITS));
      assertRelativelyClose(0.6770729448308002, loss.apply(TARGETS, LOGITS));
    }

    @Test
    void sum() {
      assertRelativelyClose(2.3697553069078006, CrossEntropyLoss.builder().classWeights(WEIGHTS)
          .reduction(Reduction.SUM).build().apply(TARGETS, LOGITS));
    }

    @Test
    @DisplayName("the weights array is copied")
    void copied() {
      double[] weights = WEIGHTS.clone();
      CrossEntropyLoss loss = CrossEntropyLoss.builder().classWeights(weights).build();
      weights[0] = 100;
      assertRelativelyClose(0.6770729448308002, loss.apply(TARGETS, LOGITS));
    }
  }

  @Nested
  @DisplayName("with label smoothing")
  class Smoothing {

    @Test
    void unweighted() {
      CrossEntropyLoss loss = CrossEntropyLoss.builder().labelSmoothing(0.1).build();
      assertRelativelyClose(
          new double[] {0.4932293079341371, 0.5477021174412782, 0.9377192677497269, 0.0},
          loss.perExample(TARGETS, LOGITS));
      assertRelativelyClose(0.6595502310417141, loss.apply(TARGETS, LOGITS));
    }

    @Test
    @DisplayName("with class weights, as PyTorch does")
    void weighted() {
      CrossEntropyLoss loss =
          CrossEntropyLoss.builder().classWeights(WEIGHTS).labelSmoothing(0.1).build();
      assertRelativelyClose(
          new double[] {0.4850521633848999, 0.5637749305097439, 1.6986841520758655, 0.0},
          loss.perExample(TARGETS, LOGITS));
      assertRelativelyClose(0.7850032131344312, loss.apply(TARGETS, LOGITS));
    }
  }

  @Nested
  @DisplayName("bad input")
  class BadInput {

    @Test
    @DisplayName("MEAN over only ignored targets is undefined (PyTorch: NaN)")
    void allIgnored() {
      assertThrowsMessage("all targets are ignored (ignoreIndex -100), so the MEAN reduction is"
          + " undefined", () -> CrossEntropyLoss.builder().build()
          .apply(new int[] {-100}, new double[][] {{1, 2}}));
      assertArrayEquals(new double[] {0}, CrossEntropyLoss.builder().build()
          .perExample(new int[] {-100}, new double[][] {{1, 2}}));
    }

    @Test
    void zeroWeightSum() {
      assertThrowsMessage("classWeights of the targets that are not ignored sum to 0, so the"
          + " MEAN reduction is undefined", () -> CrossEntropyLoss.builder().classWeights(0, 1)
          .build().apply(new int[] {0}, new double[][] {{1, 2}}));
    }

    @Test
    void builderArguments() {
      assertThrowsMessage("labelSmoothing (1.0) must be in [0, 1)",
          () -> CrossEntropyLoss.builder().labelSmoothing(1));
      assertThrowsMessage("labelSmoothing (NaN) must be in [0, 1)",
          () -> CrossEntropyLoss.builder().labelSmoothing(Double.NaN));
      assertThrowsMessage("classWeights[2] (-1.0) must be >= 0",
          () -> CrossEntropyLoss.builder().classWeights(1, 1, -1));
      assertThrowsMessage("classWeights[0] (Infinity) must be finite",
          () -> CrossEntropyLoss.builder().classWeights(Double.POSITIVE_INFINITY));
      assertThrowsMessage("reduction must not be null",
          () -> CrossEntropyLoss.builder().reduction(null));
    }

    @Test
    void targetsAndLogits() {
      CrossEntropyLoss loss = CrossEntropyLoss.builder().build();
      assertThrowsMessage("targets[1] (3) must be in [0, 3)",
          () -> loss.apply(new int[] {0, 3}, new double[][] {{1, 2, 3}, {1, 2, 3}}));
      assertThrowsMessage("targets and logits must have the same length, but have 1 and 2",
          () -> loss.apply(new int[] {0}, new double[][] {{1, 2, 3}, {1, 2, 3}}));
      assertThrowsMessage("logits[1][0] (NaN) must be finite",
          () -> loss.apply(new int[] {0, -100}, new double[][] {{1, 2}, {Double.NaN, 2}}));
      assertThrowsMessage("classWeights must have one weight per class, but has 2 for 3 classes",
          () -> CrossEntropyLoss.builder().classWeights(1, 2).build()
              .apply(new int[] {0}, new double[][] {{1, 2, 3}}));
    }
  }
}
