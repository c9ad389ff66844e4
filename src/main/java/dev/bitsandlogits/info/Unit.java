package dev.bitsandlogits.info;

/**
 * The unit in which an amount of information is expressed, fixed by the base of the logarithm.
 *
 * <p>One bit is {@code ln 2} nats; one ban (also called a hartley or dit) is {@code ln 10} nats.
 */
public enum Unit {
  /** Logarithm base 2: the answer to a yes/no question with even odds is 1 bit. */
  BITS(Math.log(2)),
  /** Natural logarithm, base e: the unit the loss functions of machine learning use. */
  NATS(1),
  /** Logarithm base 10: one decimal digit is 1 ban. */
  BANS(Math.log(10));

  private final double natsPerUnit;

  Unit(double natsPerUnit) {
    this.natsPerUnit = natsPerUnit;
  }

  /**
   * Converts an amount of information from nats to this unit: {@code nats / ln(base)}.
   *
   * <p>Infinities and NaN pass through unchanged. For {@link #NATS} the value is returned as is;
   * otherwise the division adds at most one rounding (half an ulp) to the error of {@code nats}.
   */
  public double fromNats(double nats) {
    return this == NATS ? nats : nats / natsPerUnit;
  }
}
