package kernelwise.env.action;

/** How a layer's goal becomes its kernels' bits and sparsities, in the flat view and under LOW actions. */
public enum KernelAllocation {
    /**
     * Every kernel of a layer takes the layer's goal in the flat view; in the kernel view a LOW action is the
     * kernel's own bit and sparsity level (what runs stored before this choice existed do).
     */
    UNIFORM,
    /**
     * The layer's goal density is spread over its kernels by one magnitude threshold for the whole layer, so
     * strong kernels keep more weights and weak ones none, every kernel at the goal bits (the flat view; AMC
     * prunes within a layer the same way). In the kernel view a LOW action adjusts its kernel around that
     * allocation: the bits action moves the goal bits up to two levels down or up, the sparsity action scales the
     * layer's threshold for this kernel by up to 4x either way, and its lowest twentieth removes the kernel. The
     * middle action, 0.5, follows the allocation exactly.
     */
    MAGNITUDE
}
