/** The run report: {@code report.html} with XChart PNG charts, written from a run store. */
package kernelwise.search.report;
