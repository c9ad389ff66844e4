package dev.bitsandlogits.loss;

/** How {@link CrossEntropyLoss#apply} combines per-example losses into one number. */
public enum Reduction {
  /**
   * The weighted mean: the sum of the per-example losses divided by the sum of the class weights
   * of the targets that are not ignored (their count, without class weights).
   */
  MEAN,
  /** The plain sum of the per-example losses. */
  SUM
}
