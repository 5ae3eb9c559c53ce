package kernelwise.env;

/** Which controller a step of a {@link HierarchicalEnv} expects. */
public enum Level {
    /** A layer step: the action is (activation bits, goal mean weight bits, goal sparsity), each in [0,1]. */
    HIGH,
    /** A kernel step: the action is (weight bits, sparsity) of one kernel, each in [0,1]. */
    LOW
}
