package dev.bitsandlogits.listings;

import dev.bitsandlogits.press.api.Chart;

import java.util.List;

import dev.bitsandlogits.info.Measures;
import dev.bitsandlogits.info.Unit;

/**
 * Chapter 1, information content. Each tagged region is shown on the page and executed at build
 * time; the methods return the region's results so that tests can check them.
 */
public final class Information {

    private Information() {
    }

    /**
     * Returns {days, P(west), bits if the sun rises in the east, bits if it rises in the west}:
     * Laplace's rule of succession after every sunrise since the Earth formed was in the east.
     */
    static double[] sunRises() {
        // tag::sun-rises[]
        double days = 4.5e9 * 365.25;   // sunrises since the Earth formed
        double pWest = 1 / (days + 2);  // Laplace's rule of succession
        double east = Measures.information(1 - pWest, Unit.BITS);
        double west = Measures.information(pWest, Unit.BITS);
        // end::sun-rises[]
        return new double[] {days, pWest, east, west};
    }

    /** Returns {bits if China wins, bits if Brazil wins}. */
    static double[] chinaVsBrazil() {
        // tag::china-vs-brazil[]
        double pChina = 63.0 / 64;          // China won 63 of their 64 matches
        double china = Measures.information(pChina, Unit.BITS);
        double brazil = Measures.information(1 - pChina, Unit.BITS);
        // end::china-vs-brazil[]
        return new double[] {china, brazil};
    }

    /** Returns {I(1), I(1e-3), I(1e-6), I(1e-300), I(0)} in bits. */
    static double[] extremes() {
        // tag::extremes[]
        double certain = Measures.information(1.0, Unit.BITS);
        double rare = Measures.information(1e-3, Unit.BITS);
        double rarer = Measures.information(1e-6, Unit.BITS);
        double rarest = Measures.information(1e-300, Unit.BITS);
        double impossible = Measures.information(0.0, Unit.BITS);
        // end::extremes[]
        return new double[] {certain, rare, rarer, rarest, impossible};
    }

    /** Returns {I(die shows 6), I(two dice show 6 and 6), I(6) + I(6)} in bits. */
    static double[] additivity() {
        // tag::additivity[]
        double six = Measures.information(1.0 / 6, Unit.BITS);
        double doubleSix = Measures.information(1.0 / 36, Unit.BITS);
        double sum = six + six;             // the same: surprises of independent events add up
        // end::additivity[]
        return new double[] {six, doubleSix, sum};
    }

    /** Returns Brazil's win in {bits, nats, bans}. */
    static double[] units() {
        // tag::units[]
        double pBrazil = 1.0 / 64;
        double bits = Measures.information(pBrazil, Unit.BITS);
        double nats = Measures.information(pBrazil, Unit.NATS);
        double bans = Measures.information(pBrazil, Unit.BANS);
        double natsPerBit = nats / bits;    // ln 2: one bit is about 0.69 nats
        // end::units[]
        return new double[] {bits, nats, bans, natsPerBit};
    }

    /** Throws: 1.5 is not a probability. */
    static double outOfRange() {
        // tag::information-out-of-range[]
        double surprise = Measures.information(1.5, Unit.BITS);
        // end::information-out-of-range[]
        return surprise;
    }

    /** Exercise: one card drawn from a shuffled 52-card deck, and one face of a fair die, in bits. */
    static double[] exerciseCard() {
        // tag::ex-information-card[]
        double card = Measures.information(1.0 / 52, Unit.BITS);
        double face = Measures.information(1.0 / 6, Unit.BITS);
        // end::ex-information-card[]
        return new double[] {card, face};
    }

    /** Exercise: ten heads in a row from a fair coin, directly and as ten single flips. */
    static double[] exerciseTenHeads() {
        // tag::ex-information-ten-heads[]
        double tenHeads = Measures.information(Math.pow(0.5, 10), Unit.BITS);
        double tenFlips = 10 * Measures.information(0.5, Unit.BITS);
        // end::ex-information-ten-heads[]
        return new double[] {tenHeads, tenFlips};
    }

    /** Exercise: a one-in-a-thousand event in bans, bits and nats. */
    static double[] exerciseThousandth() {
        // tag::ex-information-thousandth[]
        double bans = Measures.information(0.001, Unit.BANS);
        double bits = Measures.information(0.001, Unit.BITS);
        double nats = Measures.information(0.001, Unit.NATS);
        // end::ex-information-thousandth[]
        return new double[] {bans, bits, nats};
    }

    /** −log p against p in bits, nats and bans, at 200 points of [0.005, 1]. */
    public static Chart informationThreeBasesChart() {
        int n = 200;
        double[] p = new double[n];
        double[] bits = new double[n];
        double[] nats = new double[n];
        double[] bans = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = (i + 1.0) / n;
            bits[i] = Measures.information(p[i], Unit.BITS);
            nats[i] = Measures.information(p[i], Unit.NATS);
            bans[i] = Measures.information(p[i], Unit.BANS);
        }
        return new Chart("Information content −log p of an event against its probability p, in three units",
                "Three falling curves for p from 0.005 to 1: −log₂ p in bits on top, −ln p in nats in the middle, "
                        + "−log₁₀ p in bans at the bottom. All are 0 at p = 1 and grow without bound as p "
                        + "approaches 0; at every p the three differ by the same factors, ln 2 and log₁₀ 2.",
                "p (probability of the event)", "information −log p",
                List.of(new Chart.Series("bits (log₂)", p, bits), new Chart.Series("nats (ln)", p, nats),
                        new Chart.Series("bans (log₁₀)", p, bans)));
    }

    /**
     * Exercise: the sunrise in the east, ε = P(west) away from certainty. Returns {the library on
     * the rounded 1 − ε, the approximation ε / ln 2, −log1p(−ε) / ln 2 without rounding 1 − ε,
     * the relative error of the first}.
     */
    static double[] exerciseNearlyCertain() {
        // tag::ex-information-nearly-certain[]
        double pWest = 1 / (4.5e9 * 365.25 + 2);
        double rounded = Measures.information(1 - pWest, Unit.BITS);
        double approx = pWest / Math.log(2);           // -log2(1 - e) ≈ e / ln 2
        double precise = -Math.log1p(-pWest) / Math.log(2);  // takes e itself
        double error = Math.abs(rounded - precise) / precise;
        // end::ex-information-nearly-certain[]
        return new double[] {rounded, approx, precise, error};
    }
}
