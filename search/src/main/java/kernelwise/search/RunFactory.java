package kernelwise.search;

import java.io.IOException;

/** Builds the environment and agent a {@link SearchConfig} asks for. */
public interface RunFactory {

    /**
     * Builds the run's parts, checking what can be checked cheaply (names, files, hardware parameters) before
     * anything is trained or loaded.
     *
     * @throws IllegalArgumentException for a name that does not exist (model, dataset, agent, hardware) or a budget
     *                                  the network cannot meet
     * @throws java.nio.file.NoSuchFileException for a missing model, data or hardware parameter file
     * @throws IOException for other I/O failures
     */
    RunParts build(SearchConfig config) throws IOException;
}
