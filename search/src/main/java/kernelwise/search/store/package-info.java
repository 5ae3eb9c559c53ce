/**
 * The run store: many search runs in one MapDB file (config, provenance, every episode's plan, trajectory and
 * scores, the agent's checkpoint in content-defined chunks, the best plan and the Pareto fronts), each episode
 * committed in one transaction; schema-versioned, and refused while another process holds it.
 */
package kernelwise.search.store;
