package kernelwise.env.hardware;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Builds hardware models by name. */
public final class HardwareModels {

    /** The names {@link #byName} accepts. */
    public static final List<String> NAMES = List.of("bitfusion", "bismo", "size", "bops", "table");

    private HardwareModels() {
    }

    /**
     * The model called {@code name} with parameters from {@code paramsFile} (a JSON file for bitfusion, bismo and
     * bops; the CSV table for table, where it is required; ignored by size), or the shipped defaults when null.
     *
     * @throws java.nio.file.NoSuchFileException if the file is missing
     * @throws IllegalArgumentException for an unknown name or a malformed file
     */
    public static HardwareModel byName(String name, Path paramsFile) throws IOException {
        return switch (name == null ? "" : name) {
            case "bitfusion" -> new BitFusionModel(BitFusionModel.Params.load(paramsFile));
            case "bismo" -> new BismoModel(BismoModel.Params.load(paramsFile));
            case "bops" -> new BopsModel(BopsModel.Params.load(paramsFile));
            case "size" -> new SizeModel();
            case "table" -> {
                if (paramsFile == null) throw new IllegalArgumentException("hardware 'table' needs a CSV file (" + TableModel.HEADER + "), found none");
                yield TableModel.load(paramsFile);
            }
            default -> throw new IllegalArgumentException("hardware must be one of " + NAMES + ", found '" + name + "'");
        };
    }

    /** The shipped default parameters of {@code name} as JSON text, for a user to copy and edit. */
    public static String defaultParamsJson(String name) throws IOException {
        if (!List.of("bitfusion", "bismo", "bops").contains(name)) {
            throw new IllegalArgumentException("hardware '" + name + "' has no JSON parameters; those that do: bitfusion, bismo, bops");
        }
        try (var in = HardwareModels.class.getResourceAsStream(ParamsFiles.resource(name))) {
            if (in == null) throw new IllegalStateException("default parameters " + ParamsFiles.resource(name) + " missing from the jar");
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
