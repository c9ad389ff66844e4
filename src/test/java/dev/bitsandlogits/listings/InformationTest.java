package dev.bitsandlogits.listings;

import dev.bitsandlogits.press.api.Chart;

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
        @DisplayName("after 1.6 trillion eastern sunrises, a western one is worth about 40.6 bits")
        void sunRises() {
            double[] r = Information.sunRises();
            assertEquals(1_643_625_000_000.0, r[0]);                 // 4.5e9 * 365.25, exact in a double
            close(1.0 / 1_643_625_000_002.0, r[1]);
            // -log(mpf(1 - 1/1643625000002.0), 2): the double 1 - pWest, as the library receives it
            close(8.777388620455544550951634613606603378675e-13, r[2]);
            close(40.58001831823382734102379717495612102821, r[3]); // log(1643625000002, 2)
        }

        @Test
        @DisplayName("the chart of -log p shows bits above nats above bans, falling to 0 at p = 1")
        void threeBasesChart() {
            Chart chart = Information.informationThreeBasesChart();
            assertEquals(3, chart.series().size());
            double[] p = chart.series().get(0).x();
            double[] bits = chart.series().get(0).y();
            double[] nats = chart.series().get(1).y();
            double[] bans = chart.series().get(2).y();
            assertEquals(1.0, p[p.length - 1]);
            assertEquals(0.0, bits[bits.length - 1]);
            close(7.643856189774724695740638858978780351729, bits[0]); // log(200, 2)
            for (int i = 0; i < p.length - 1; i++) {
                close(bits[i] * 0.6931471805599453094172321214581765680755, nats[i]);  // ln 2
                close(bits[i] * 0.3010299956639811952137388947244930267682, bans[i]);  // log10(2)
                assertTrue(bits[i] > bits[i + 1], "falls at " + p[i]);
            }
        }

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

        @Test
        @DisplayName("a nearly certain event: e / ln 2 and log1p agree to 12 digits, the rounded 1 - e does not")
        void nearlyCertain() {
            double[] r = Information.exerciseNearlyCertain();
            // -log(mpf(1 - 1/1643625000002.0), 2)
            close(8.777388620455544550951634613606603378675e-13, r[0]);
            // -log1p(-mpf(1/1643625000002.0)) / log(2)
            close(8.77751945174627258473408248727009121716e-13, r[2]);
            assertEquals(r[2], r[1], 1e-12 * r[2]);  // the series ε + ε²/2 + …: ε/2 relative, about 3e-13
            assertTrue(r[3] > 1e-6 && r[3] < 1e-4, "relative error of the rounded input: " + r[3]);
        }
    }
}
