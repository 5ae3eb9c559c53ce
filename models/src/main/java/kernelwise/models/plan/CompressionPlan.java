package kernelwise.models.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one plan type: for each compressible layer of a network, in forward order, its {@link LayerPlan}.
 * Immutable and validated on construction. Its JSON form carries {@link #SCHEMA_VERSION}; a plan from a newer
 * schema is refused.
 *
 * @param schemaVersion the JSON schema version this plan was written with
 * @param network       the {@link NetworkSpec#fingerprint()} of the network it was written for
 * @param layers        one entry per compressible layer, in the spec's order
 */
public record CompressionPlan(int schemaVersion, String network, List<LayerPlan> layers) {

    /** The JSON schema version this code writes and the newest it reads. */
    public static final int SCHEMA_VERSION = 1;
    /** Bit width meaning "kept in float". */
    public static final int FLOAT_BITS = 32;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public CompressionPlan {
        if (schemaVersion < 1 || schemaVersion > SCHEMA_VERSION) {
            throw new IllegalArgumentException("plan schema version must be 1.." + SCHEMA_VERSION + ", found " + schemaVersion
                    + (schemaVersion > SCHEMA_VERSION ? " (written by a newer Kernelwise)" : ""));
        }
        if (network == null) throw new IllegalArgumentException("plan network fingerprint must not be null");
        if (layers == null || layers.isEmpty()) throw new IllegalArgumentException("a plan needs at least one layer, found none");
        layers = List.copyOf(layers);
    }

    /** A plan for {@code spec} with the given layer plans. */
    public static CompressionPlan of(NetworkSpec spec, List<LayerPlan> layers) {
        CompressionPlan plan = new CompressionPlan(SCHEMA_VERSION, spec.fingerprint(), layers);
        plan.checkAgainst(spec);
        return plan;
    }

    /** Every kernel of every layer at the same weight bits and sparsity, every layer at the same activation bits. */
    public static CompressionPlan uniform(NetworkSpec spec, int weightBits, int activationBits, double sparsity) {
        List<LayerPlan> layers = new ArrayList<>();
        for (LayerInfo l : spec.layers()) {
            layers.add(LayerPlan.uniform(l.name(), l.kernels(), activationBits, weightBits, sparsity));
        }
        return of(spec, layers);
    }

    /** The plan that changes nothing: float weights and activations, no sparsity. */
    public static CompressionPlan identity(NetworkSpec spec) {
        return uniform(spec, FLOAT_BITS, FLOAT_BITS, 0.0);
    }

    public static boolean validWeightBits(int bits) {
        return (bits >= 1 && bits <= 8) || bits == FLOAT_BITS;
    }

    public static boolean validActivationBits(int bits) {
        return (bits >= 2 && bits <= 8) || bits == FLOAT_BITS;
    }

    public LayerPlan layer(int i) {
        return layers.get(i);
    }

    public int size() {
        return layers.size();
    }

    /** This plan with layer {@code i} replaced. */
    public CompressionPlan withLayer(int i, LayerPlan layer) {
        List<LayerPlan> copy = new ArrayList<>(layers);
        copy.set(i, layer);
        return new CompressionPlan(schemaVersion, network, copy);
    }

    /**
     * Refuses this plan for {@code spec} unless it matches layer for layer.
     *
     * @throws IllegalArgumentException naming the first mismatch
     */
    public void checkAgainst(NetworkSpec spec) {
        if (layers.size() != spec.size()) {
            throw new IllegalArgumentException("plan has " + layers.size() + " layers but the network has " + spec.size()
                    + " compressible layers (plan written for " + network + ")");
        }
        for (int i = 0; i < layers.size(); i++) {
            LayerPlan p = layers.get(i);
            LayerInfo l = spec.layer(i);
            if (!p.layer().equals(l.name())) {
                throw new IllegalArgumentException("plan layer " + i + " is '" + p.layer() + "' but the network's is '" + l.name() + "'");
            }
            if (p.kernels() != l.kernels()) {
                throw new IllegalArgumentException("plan layer '" + p.layer() + "' has " + p.kernels() + " kernels but the network's has " + l.kernels());
            }
        }
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plan could not be written as JSON", e);
        }
    }

    /** @throws IllegalArgumentException if the text is not a valid plan, naming what is wrong */
    public static CompressionPlan fromJson(String json) {
        try {
            return JSON.readValue(json, CompressionPlan.class);
        } catch (JsonProcessingException e) {
            Throwable root = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            throw new IllegalArgumentException("not a valid plan: " + firstLine(root.getMessage()), e);
        }
    }

    /** Writes the plan's JSON into {@code file} atomically ({@link kernelwise.models.AtomicWrite}). */
    public void write(Path file) throws IOException {
        kernelwise.models.AtomicWrite.writeString(file, toJson());
    }

    /**
     * @throws NoSuchFileException if the file is missing
     * @throws IllegalArgumentException if it is not a valid plan (the message names the file)
     */
    public static CompressionPlan read(Path file) throws IOException {
        String text = Files.readString(file);
        try {
            return fromJson(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) return "unknown error";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    @Override
    public String toString() {
        return "CompressionPlan" + layers;
    }
}
