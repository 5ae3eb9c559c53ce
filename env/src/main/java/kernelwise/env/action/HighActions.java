package kernelwise.env.action;

/** What a HIGH action's entries mean ({@link GoalMapper}). */
public enum HighActions {
    /** Each entry picks a level of its scale directly (what runs stored before this choice existed do). */
    LEVELS,
    /**
     * Relative to a prior, the most accurate global magnitude plan that fits the budget: an action's middle asks for
     * the prior's choice, its ends move it by up to the whole width scale and by up to 32x in density either way.
     */
    PRIOR
}
