package kernelwise.search;

import java.io.IOException;

/** Builds the environment and agent a {@link SearchConfig} asks for. */
public interface RunFactory {

    /**
     * @throws IllegalArgumentException for a name that does not exist (model, dataset, agent, hardware) or a bad budget
     * @throws java.nio.file.NoSuchFileException for a missing model or data file
     * @throws IOException for other I/O failures
     */
    RunParts build(SearchConfig config) throws IOException;
}
