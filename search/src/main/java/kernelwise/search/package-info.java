/**
 * The search: {@link kernelwise.search.SearchConfig} says what to run, {@link kernelwise.search.SearchLoop} runs it
 * episode by episode into a {@link kernelwise.search.store.RunStore} (one transaction per episode, agent state
 * included, so that {@code resume} continues exactly), {@link kernelwise.search.ZooRunFactory} builds the real
 * data, model, environment and agent, and {@link kernelwise.search.PlanChoice} picks the plan to export. The
 * command line is in {@code kernelwise.search.cli}, the HTML report in {@code kernelwise.search.report}.
 */
package kernelwise.search;
