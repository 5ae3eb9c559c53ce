package kernelwise.search;

import java.io.IOException;

/** Builds the environment and agent a {@link SearchConfig} asks for. */
public interface RunFactory {

    /**
     * {@code config} with everything left to defaults filled in (e.g. the env's and agent's full configurations),
     * so that the stored config rebuilds the same run whatever the defaults become. The identity by default.
     *
     * @throws IllegalArgumentException for a name that does not exist or a bad budget, before anything is loaded
     * @throws java.nio.file.NoSuchFileException for a missing model file
     */
    default SearchConfig resolve(SearchConfig config) throws IOException {
        return config;
    }

    /**
     * @throws IllegalArgumentException for a name that does not exist (model, dataset, agent, hardware) or a bad budget
     * @throws java.nio.file.NoSuchFileException for a missing model or data file
     * @throws IOException for other I/O failures
     */
    RunParts build(SearchConfig config) throws IOException;
}
