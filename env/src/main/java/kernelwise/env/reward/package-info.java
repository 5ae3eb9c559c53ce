/** Extrinsic rewards for the three modes (resource-constrained, accuracy-guaranteed, weighted) and the intrinsic goal reward. */
package kernelwise.env.reward;
