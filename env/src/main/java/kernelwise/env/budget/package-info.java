/** Budgets relative to the 8-bit reference plan and the projector that makes every plan meet its budget. */
package kernelwise.env.budget;
