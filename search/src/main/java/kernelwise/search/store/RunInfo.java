package kernelwise.search.store;

/**
 * What a run is, written once when it starts.
 *
 * @param name           the run's name, unique within a store file
 * @param configJson     the search configuration as JSON
 * @param provenanceJson where the run came from (checksums, seed, versions, start time) as JSON
 * @param createdMillis  when it was created, epoch milliseconds
 */
public record RunInfo(String name, String configJson, String provenanceJson, long createdMillis) {

    public RunInfo {
        RunNames.check(name);
        if (configJson == null || provenanceJson == null) {
            throw new IllegalArgumentException("run " + name + ": config and provenance must not be null");
        }
    }
}
