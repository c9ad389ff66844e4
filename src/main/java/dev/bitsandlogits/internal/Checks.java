package dev.bitsandlogits.internal;

/**
 * Argument checks shared by the library packages, in the style of Guava's {@code MathPreconditions}.
 *
 * <p>Every check throws {@link IllegalArgumentException} with a message that names the argument,
 * the index and offending value where there is one, and the rule, for example
 * {@code p[1] (1.5) must be in [0, 1]}. Conditions are written so that NaN fails them.
 *
 * <p>Not part of the public API: it is public only because {@code info} and {@code loss} are
 * different packages.
 */
public final class Checks {

  /**
   * How far a probability vector may sum from 1. Vectors typed by hand ({@code 0.1, 0.2, 0.7}) or
   * produced by a softmax carry rounding errors of a few ulps per entry, about 1e-16 each; 1e-9
   * accepts those for any realistic length while still rejecting a genuine mistake such as a
   * missing or duplicated entry. The sum it is compared with is the exact sum of the doubles to
   * within an ulp or two (compensated summation), not a left-to-right sum.
   */
  public static final double SUM_TOLERANCE = 1e-9;

  /** {@link #SUM_TOLERANCE} as written in messages ({@code 1e-9}, not Java's {@code 1.0E-9}). */
  private static final String SUM_TOLERANCE_TEXT = "1e-9";

  private Checks() {}

  /** Returns (for the caller to throw) an exception for a rule too specific for a helper here. */
  public static IllegalArgumentException fail(String message) {
    return new IllegalArgumentException(message);
  }

  /** Requires {@code p} in [0, 1]: {@code p (1.5) must be in [0, 1]}. */
  public static double probability(String name, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(name + " (" + p + ") must be in [0, 1]");
    }
    return p;
  }

  /** Requires {@code x} finite: {@code posWeight (NaN) must be finite}. */
  public static double finite(String name, double x) {
    if (!(Math.abs(x) <= Double.MAX_VALUE)) {
      throw new IllegalArgumentException(name + " (" + x + ") must be finite");
    }
    return x;
  }

  /** Requires {@code x} finite and at least 0: {@code classWeights[2] (-1.0) must be >= 0}. */
  public static double nonNegativeFinite(String name, double x) {
    if (!(x >= 0)) {
      throw new IllegalArgumentException(name + " (" + x + ") must be >= 0");
    }
    return finite(name, x);
  }

  /** Requires a non-null, non-empty array. */
  public static void nonEmpty(String name, double[] a) {
    notNull(name, a);
    if (a.length == 0) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
  }

  /** Requires a non-null, non-empty array. */
  public static void nonEmpty(String name, int[] a) {
    notNull(name, a);
    if (a.length == 0) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
  }

  /** Requires a non-null reference: {@code p must not be null}. */
  public static void notNull(String name, Object o) {
    if (o == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
  }

  /** Requires equal lengths: {@code p and q must have the same length, but have 2 and 3}. */
  public static void sameLength(String nameA, int lengthA, String nameB, int lengthB) {
    if (lengthA != lengthB) {
      throw new IllegalArgumentException(nameA + " and " + nameB
          + " must have the same length, but have " + lengthA + " and " + lengthB);
    }
  }

  /**
   * Requires a probability distribution: every entry in [0, 1] and the sum within
   * {@link #SUM_TOLERANCE} of 1. The sum is compensated ({@link Sums}), so it is within an ulp or
   * two of the exact sum of the doubles however long the vector: a distribution whose exact sum is
   * 1 is never rejected because left-to-right summation drifted (20 million entries can drift
   * by 1e-9).
   */
  public static void distribution(String name, double[] p) {
    nonEmpty(name, p);
    distributionRow(name, -1, p);
  }

  /**
   * Requires row {@code row} of matrix {@code name} to be a probability distribution; the names in
   * messages are built only on failure: {@code labels[1][2] (-0.3) must be in [0, 1]},
   * {@code labels[1] must sum to 1 (within 1e-9), but sums to 1.1}. A negative {@code row} means
   * {@code p} is a vector, not a row.
   */
  public static void distributionRow(String name, int row, double[] p) {
    double s = 0.0;
    double c = 0.0;
    for (int i = 0; i < p.length; i++) {
      double x = p[i];
      if (!(x >= 0 && x <= 1)) {
        String prefix = row < 0 ? name : name + "[" + row + "]";
        throw new IllegalArgumentException(
            prefix + "[" + i + "] (" + x + ") must be in [0, 1]");
      }
      double t = s + x;
      c += Sums.twoSumError(s, x, t);
      s = t;
    }
    double sum = s + c;
    if (!(Math.abs(sum - 1) <= SUM_TOLERANCE)) {
      String prefix = row < 0 ? name : name + "[" + row + "]";
      throw new IllegalArgumentException(
          prefix + " must sum to 1 (within " + SUM_TOLERANCE_TEXT + "), but sums to " + sum);
    }
  }

  /**
   * Requires a non-empty rectangular matrix with non-empty rows; returns the row length.
   * {@code logits must be rectangular, but row 1 has length 2, not 3}.
   */
  public static int rectangular(String name, double[][] m) {
    notNull(name, m);
    if (m.length == 0) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    for (int i = 0; i < m.length; i++) {
      if (m[i] == null) {
        throw new IllegalArgumentException(name + "[" + i + "] must not be null");
      }
    }
    int columns = m[0].length;
    if (columns == 0) {
      throw new IllegalArgumentException(name + "[0] must not be empty");
    }
    for (int i = 1; i < m.length; i++) {
      if (m[i].length != columns) {
        throw new IllegalArgumentException(name + " must be rectangular, but row " + i
            + " has length " + m[i].length + ", not " + columns);
      }
    }
    return columns;
  }

  /**
   * Requires two rectangular matrices of the same shape; returns the row length.
   * {@code labels and logits must have the same shape, but have 2x3 and 2x4}.
   */
  public static int sameShape(String nameA, double[][] a, String nameB, double[][] b) {
    int columnsA = rectangular(nameA, a);
    int columnsB = rectangular(nameB, b);
    if (a.length != b.length || columnsA != columnsB) {
      throw new IllegalArgumentException(nameA + " and " + nameB
          + " must have the same shape, but have " + a.length + "x" + columnsA + " and "
          + b.length + "x" + columnsB);
    }
    return columnsA;
  }

  /** Message for a non-finite matrix entry: {@code logits[0][1] (NaN) must be finite}. */
  public static IllegalArgumentException notFinite(String name, int row, int column, double x) {
    return new IllegalArgumentException(
        name + "[" + row + "][" + column + "] (" + x + ") must be finite");
  }

  /** Message for a non-finite vector entry: {@code z[1] (NaN) must be finite}. */
  public static IllegalArgumentException notFinite(String name, int index, double x) {
    return new IllegalArgumentException(name + "[" + index + "] (" + x + ") must be finite");
  }

  /** Requires every entry of a matrix to lie in [0, 1]: {@code labels[1][2] (-0.3) must be in [0, 1]}. */
  public static void probabilities(String name, double[][] m) {
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < m[i].length; j++) {
        double x = m[i][j];
        if (!(x >= 0 && x <= 1)) {
          throw new IllegalArgumentException(
              name + "[" + i + "][" + j + "] (" + x + ") must be in [0, 1]");
        }
      }
    }
  }

  /** Requires an index in [0, bound): {@code labels[1] (3) must be in [0, 3)}. */
  public static IllegalArgumentException indexOutOfRange(String name, int i, int value, int bound) {
    return new IllegalArgumentException(
        name + "[" + i + "] (" + value + ") must be in [0, " + bound + ")");
  }
}
