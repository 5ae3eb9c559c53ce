package kernelwise.models.compress;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubsetCodeTest {

    private static int[] mask(int n, int[] positions) {
        int[] m = new int[n];
        for (int p : positions) m[p] = 1;
        return m;
    }

    @Test
    void givenEverySubsetOfSixPositions_whenRanked_thenRanksAreZeroToBinomialMinusOneInLexicographicOrder() {
        int n = 6;
        for (int k = 0; k <= n; k++) {
            int count = SubsetCode.binomial(n, k).intValue();
            boolean[] seen = new boolean[count];
            for (int bits = 0; bits < 1 << n; bits++) {
                if (Integer.bitCount(bits) != k) continue;
                int[] m = new int[n];
                for (int j = 0; j < n; j++) m[j] = (bits >>> (n - 1 - j)) & 1;
                int rank = SubsetCode.rank(m).intValueExact();
                assertTrue(rank >= 0 && rank < count && !seen[rank], "k=" + k + " rank " + rank);
                seen[rank] = true;
                int[] back = SubsetCode.unrank(BigInteger.valueOf(rank), n, k);
                assertArrayEquals(m, mask(n, back));
            }
        }
    }

    @Test
    void givenRandomSubsetsOfLargeKernels_whenRankedAndUnranked_thenSamePositionsAndRankFitsItsBits() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rnd.nextInt(1200);
            double density = rnd.nextDouble();
            int[] m = new int[n];
            int k = 0;
            for (int j = 0; j < n; j++) if (rnd.nextDouble() < density) { m[j] = 1; k++; }
            BigInteger rank = SubsetCode.rank(m);
            assertTrue(rank.bitLength() <= SubsetCode.bits(n, k), "n=" + n + " k=" + k);
            assertArrayEquals(m, mask(n, SubsetCode.unrank(rank, n, k)), "n=" + n + " k=" + k);
        }
    }

    @Test
    void givenCounts_whenBitsAsked_thenCeilLog2OfTheBinomial() {
        assertEquals(0, SubsetCode.bits(800, 0));
        assertEquals(0, SubsetCode.bits(800, 800));
        assertEquals(10, SubsetCode.bits(800, 1));
        assertEquals(SubsetCode.binomial(500, 50).subtract(BigInteger.ONE).bitLength(), SubsetCode.bits(500, 50));
        assertTrue(SubsetCode.bits(800, 80) < 0.5 * 800, "10% kept costs under half a bitmap");
        assertEquals(SubsetCode.bits(25, 3), SubsetCode.bits(25, 22));
    }

    @Test
    void givenRankBeyondTheSubsetCount_whenUnranked_thenRefused() {
        BigInteger tooBig = SubsetCode.binomial(30, 4);
        assertThrows(IllegalArgumentException.class, () -> SubsetCode.unrank(tooBig, 30, 4));
        assertThrows(IllegalArgumentException.class, () -> SubsetCode.bits(3, 4));
    }
}
