package dev.bitsandlogits.listings;

import dev.bitsandlogits.info.Measures;
import dev.bitsandlogits.info.Unit;

/**
 * Chapter 1, information content. Each tagged region is shown on the page and executed at build
 * time; the methods return the region's results so that tests can check them.
 */
public final class Information {

    private Information() {
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
}
