/** Mapping continuous actions in [0,1] to bit widths and sparsity levels, with a discrete view of the same choices. */
package kernelwise.env.action;
