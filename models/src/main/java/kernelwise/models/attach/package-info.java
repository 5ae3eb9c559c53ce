/**
 * A compression plan attached to a DL4J network so that the user's own {@code fit(...)} trains into it:
 * {@link kernelwise.models.attach.PlanAttachment#attach}, the network's own training loop,
 * {@link kernelwise.models.attach.PlanAttachment#writeKw}, {@link kernelwise.models.attach.PlanAttachment#detach}.
 */
package kernelwise.models.attach;
