package kernelwise.env.budget;

/** How a resource-constrained env makes every scored plan meet its budget. */
public enum Enforcement {
    /**
     * The finished plan is projected onto the budget ({@link BudgetProjector}), whatever the agent chose (what runs
     * stored before this choice existed do).
     */
    PROJECT,
    /**
     * Budget by limiting actions (AMC, HAQ): before a layer's kernels are decided, its goal is limited so that the
     * layers decided so far, this layer at its goal and every later layer at its smallest setting fit; the plan is
     * still projected at the end if kernel steps overshoot, which then takes few moves.
     */
    LIMIT
}
