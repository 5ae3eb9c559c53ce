package kernelwise.env.reward;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RewardsTest {

    private static RewardFunction.Outcome o(double acc, double rel, double cost) {
        return new RewardFunction.Outcome(acc, 0.99, rel, cost);
    }

    @Test
    void givenResourceConstrained_whenAccuracyDrops_thenRewardIsScaledChange() {
        RewardFunction r = RewardMode.RESOURCE_CONSTRAINED.reward(0.01);
        assertEquals(-0.1, r.reward(o(0.98, 0.3, 1)), 1e-12);  // HAQ: 0.1 per percentage point
        assertEquals(0, r.reward(o(0.99, 0.9, 1)), 1e-12);
    }

    @Test
    void givenAccuracyGuaranteed_whenWithinLoss_thenCheaperIsBetterAndBeyondIsPenalised() {
        RewardFunction r = RewardMode.ACCURACY_GUARANTEED.reward(0.01);
        assertTrue(r.reward(o(0.985, 0.2, 1)) > r.reward(o(0.985, 0.5, 1)));
        double worstWithin = r.reward(o(0.98, 1.0, 1));
        double bestBeyond = r.reward(o(0.979, 0.0, 1));
        assertTrue(worstWithin > bestBeyond, worstWithin + " vs " + bestBeyond);
        assertEquals(-1 - 100 * 0.01, r.reward(o(0.97, 0.1, 1)), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> new AccuracyGuaranteedReward(1.5, 1));
    }

    @Test
    void givenWeighted_whenErrorOrCostFalls_thenRewardRises() {
        RewardFunction r = RewardMode.WEIGHTED.reward(0.01);
        assertEquals(-0.01 * Math.log(1e6), r.reward(o(0.99, 0.5, 1e6)), 1e-12);
        assertTrue(r.reward(o(0.99, 0.5, 1e5)) > r.reward(o(0.99, 0.5, 1e6)));
        assertTrue(r.reward(o(0.995, 0.5, 1e6)) > r.reward(o(0.99, 0.5, 1e6)));
    }

    @Test
    void givenGoal_whenMetExactly_thenZeroElseNegativeDistance() {
        assertEquals(0, GoalReward.of(0.5, 0.5, 0.2, 0.2), 0);
        assertEquals(-0.5 * (0.25 + 0.1), GoalReward.of(0.75, 0.5, 0.1, 0.2), 1e-12);
    }
}
