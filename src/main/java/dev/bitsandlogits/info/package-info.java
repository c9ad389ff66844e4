/**
 * Information-theoretic measures of discrete distributions: information, entropy,
 * cross-entropy and Kullback–Leibler divergence, in bits, nats or bans ({@link
 * dev.bitsandlogits.info.Unit}).
 *
 * <p>Distributions are {@code double[]} whose entries lie in [0, 1] and sum to 1 within 1e-9
 * (the sum taken with compensation, so a long vector whose exact sum is 1 always passes).
 * Results are within a few ulps of the exact value for the given doubles, for vectors of any
 * length.
 * Bad arguments throw {@link java.lang.IllegalArgumentException} with a message that names the
 * argument, index, value and rule, e.g. {@code p must sum to 1 (within 1e-9), but sums to 1.1}.
 */
package dev.bitsandlogits.info;
