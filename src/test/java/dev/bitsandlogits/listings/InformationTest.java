package dev.bitsandlogits.listings;

import static dev.bitsandlogits.listings.Expect.close;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** References computed with mpmath, mp.dps = 40; the expression is beside each literal. */
@DisplayName("Chapter 1: information content")
class InformationTest {

    @Nested
    @DisplayName("the listings")
    class Listings {

        @Test
        @DisplayName("China's win is worth little, Brazil's 6 bits")
        void chinaVsBrazil() {
            double[] r = Information.chinaVsBrazil();
            close(0.02272007650008352965055279487253617383934, r[0]); // -log(mpf(63)/64, 2)
            close(6.0, r[1]);                                         // log(64, 2)
        }

        @Test
        @DisplayName("certain events carry 0 bits, impossible ones infinitely many")
        void extremes() {
            double[] r = Information.extremes();
            assertEquals(0.0, r[0]);
            close(9.965784284662087043610958288468170527594, r[1]); // log(1000, 2)
            close(19.93156856932417408722191657693634105519, r[2]); // log(10**6, 2)
            close(996.5784284662087043610958288468170527594, r[3]); // 300*log(10, 2)
            assertEquals(Double.POSITIVE_INFINITY, r[4]);
        }

        @Test
        @DisplayName("the information of independent events adds up")
        void additivity() {
            double[] r = Information.additivity();
            close(2.58496250072115618145373894394781650876, r[0]);  // log(6, 2)
            close(5.16992500144231236290747788789563301752, r[1]);  // log(36, 2)
            close(5.16992500144231236290747788789563301752, r[2]);
        }

        @Test
        @DisplayName("bits, nats and bans differ by constant factors")
        void units() {
            double[] r = Information.units();
            close(6.0, r[0]);
            close(4.158883083359671856503392728749059408453, r[1]);   // log(64)
            close(1.806179973983887171282433368346958160609, r[2]);   // log(64, 10)
            close(0.6931471805599453094172321214581765680755, r[3]);  // log(2)
        }

        @Test
        @DisplayName("a probability of 1.5 is refused")
        void outOfRange() {
            var e = assertThrows(IllegalArgumentException.class, Information::outOfRange);
            assertTrue(e.getMessage().contains("1.5"), e.getMessage());
        }
    }

    @Nested
    @DisplayName("the exercise answers")
    class Exercises {

        @Test
        @DisplayName("a card is worth log2 52 bits, a die face log2 6")
        void card() {
            double[] r = Information.exerciseCard();
            close(5.700439718141092160396812654256694733628, r[0]); // log(52, 2)
            close(2.58496250072115618145373894394781650876, r[1]);  // log(6, 2)
        }

        @Test
        @DisplayName("ten heads are worth 10 bits, either way")
        void tenHeads() {
            close(new double[] {10.0, 10.0}, Information.exerciseTenHeads());
        }

        @Test
        @DisplayName("one in a thousand is 3 bans")
        void thousandth() {
            double[] r = Information.exerciseThousandth();
            close(3.0, r[0]);
            close(9.965784284662087043610958288468170527594, r[1]); // log(1000, 2)
            close(6.907755278982137052053974364053092622803, r[2]); // log(1000)
        }
    }
}
