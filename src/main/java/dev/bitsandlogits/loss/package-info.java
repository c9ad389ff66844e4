/**
 * Cross-entropy losses on logits and their gradients, with the semantics of TensorFlow's
 * {@code tf.nn} functions and PyTorch's {@code CrossEntropyLoss} and {@code BCELoss}.
 *
 * <p>All results are in nats and within a few ulps of the exact value for the given doubles,
 * including extreme logits (±1000, ±1e308: finite wherever the exact value is, also with label
 * smoothing and class weights up to {@link java.lang.Double#MAX_VALUE}), rows of any length (the
 * sums are compensated) and the tiny losses of confident, correct predictions. Gradients are
 * within 1e-12 relative, also where the label almost equals the prediction. Logits must be
 * finite; matrices non-empty, rectangular and matching in shape.
 * Inputs are never modified. Bad arguments throw {@link java.lang.IllegalArgumentException}
 * with a message that names the argument, index, value and rule, e.g.
 * {@code labels[1] (3) must be in [0, 3)}.
 */
package dev.bitsandlogits.loss;
