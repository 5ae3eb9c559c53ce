/** Observations in [0,1]: static layer and kernel features computed once per network, and the episode's progress. */
package kernelwise.env.obs;
