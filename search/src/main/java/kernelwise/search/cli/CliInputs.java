package kernelwise.search.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Text files a verb reads (a hardware table, an agent configuration), checked up front so that the error names the option and file. */
final class CliInputs {
    private CliInputs() {
    }

    /**
     * The agents' configuration in {@code file} given as {@code option}, or the defaults when it is null; besides
     * {@link #text}'s refusals, a file with an unknown or bad field (or holding null) is a usage error naming the file.
     */
    static kernelwise.agents.AgentConfig agentConfig(String option, Path file) throws IOException {
        if (file == null) return new kernelwise.agents.AgentConfig();
        try {
            return kernelwise.agents.AgentConfig.fromJson(text(option, file));
        } catch (IllegalArgumentException e) {
            throw CliException.usage(option + " " + file + ": " + e.getMessage());
        }
    }

    /**
     * The UTF-8 text of {@code file} given as {@code option}: a folder is exit 2, a missing file 3, a file that is not
     * UTF-8 text (a binary file) 4.
     */
    static String text(String option, Path file) throws IOException {
        if (Files.isDirectory(file)) throw CliException.usage(option + " " + file + " is a folder, not a file");
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw CliException.notFound("no such file: " + e.getFile() + " (" + option + ")");
        } catch (CharacterCodingException e) {
            throw new CliException(ExitCode.REFUSED, option + " " + file + " is not a text file (not UTF-8); give the JSON or CSV text file");
        }
    }
}
