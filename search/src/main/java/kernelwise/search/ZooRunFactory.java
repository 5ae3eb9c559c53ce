package kernelwise.search;

import java.io.IOException;

/** Builds the real parts: data splits, a zoo or zip model, the compression environment and an agent. */
public final class ZooRunFactory implements RunFactory {

    @Override
    public RunParts build(SearchConfig config) throws IOException {
        throw new IllegalStateException("the environment and agents are not wired in yet");
    }
}
