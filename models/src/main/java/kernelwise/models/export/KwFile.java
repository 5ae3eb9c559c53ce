package kernelwise.models.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kernelwise.models.Provenance;
import kernelwise.models.compress.ActivationRanges;
import kernelwise.models.compress.CompressibleLayer;
import kernelwise.models.compress.KernelStorage;
import kernelwise.models.compress.LayerWeights;
import kernelwise.models.compress.NetworkSpecs;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.LayerPlan;
import kernelwise.models.plan.NetworkSpec;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;

/**
 * The packed {@code .kw} model file. Layout (big-endian):
 * <pre>
 * magic "KWPK" | u16 format version | u32 side bytes | u32 payload bytes | side | payload | u32 CRC32(side + payload)
 * </pre>
 * The payload holds each compressible layer packed by {@link LayerCodec} (exactly
 * {@link KernelStorage}'s bits, padded to a byte per layer, so the plan gives every layer's length). The side block is raw
 * DEFLATE of: u32 header length, the header (UTF-8 JSON), the plan's per-kernel kept counts and bits
 * ({@link PlanCodec}), then every other parameter in the network's
 * parameter-table order: biases ({@code *_b}) as int8 with one float32 scale per bias tensor ({@code max|b| / 127},
 * in the header), everything else (batch norm) as float32. The header holds the network (a zoo name when the zoo
 * network with these parameters computes exactly what the source does, else its DL4J configuration JSON), the plan's
 * activation bits (its layer names are the network's), the plan block's length, each layer's scale-grid reference,
 * the activation ranges if the plan quantizes any activations (0 for the layers it keeps in float), and provenance. A kernel the plan removes
 * stores neither weights nor bias: both are zero.
 * <p>
 * {@link #read} rebuilds the DL4J network with the dequantized weights, bit-identical to the projected weights
 * {@link #write} packed, and the biases as stored (within half an int8 step of the source's).
 */
public final class KwFile {
    /** The first four bytes of every {@code .kw} file. */
    public static final String MAGIC = "KWPK";
    /**
     * The format version this code writes and reads. 3: pruned kernels' values are mid-rise codes (no zero level,
     * {@link kernelwise.models.compress.KernelProjection}), removed kernels store no bias, the plan's layer names and
     * payload lengths are not repeated in the header; a version-2 file's codes would decode to other values, so it is refused.
     */
    public static final int VERSION = 3;
    private static final int PREAMBLE = 4 + 2 + 4 + 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A packed model read back.
     *
     * @param network    the DL4J network with dequantized weights
     * @param plan       the plan it was packed with, as stored: sparsity {@code (fanIn - kept) / fanIn} per kernel
     * @param ranges     the activation ranges for the plan's activation bits (0 to 0 for layers the plan keeps in float)
     * @param provenance the provenance JSON written with it
     * @param bytes      the file's size
     * @param zoo        the zoo network the header names, or null if it embeds its DL4J configuration
     */
    public record Packed(Model network, CompressionPlan plan, ActivationRanges ranges, JsonNode provenance, long bytes, String zoo) {
    }

    private KwFile() {
    }

    /**
     * Packs {@code model} projected onto {@code plan} into {@code path} (written to a temporary file, then moved).
     *
     * @param ranges activation ranges (from the float network's calibration) for the plan's activation bits
     * @param source free-form provenance of the source (model file, checksum, data set, ...), may be empty
     * @return the file's size in bytes
     */
    public static long write(Model model, CompressionPlan plan, ActivationRanges ranges, Map<String, ?> source, Path path) throws IOException {
        NetworkSpec spec = NetworkSpecs.of(model);
        plan.checkAgainst(spec);
        if (ranges.size() != spec.size()) throw new IllegalArgumentException("ranges cover " + ranges.size() + " layers but the network has " + spec.size());
        List<CompressibleLayer> layers = NetworkSpecs.layers(model);
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        ObjectNode h = JSON.createObjectNode();
        h.set("network", NetworkRef.of(model));
        ArrayNode activationBits = h.putArray("activationBits");
        for (LayerPlan l : plan.layers()) activationBits.add(l.activationBits());
        byte[] planBlock = PlanCodec.encode(plan, spec);
        h.put("planBytes", planBlock.length);
        ArrayNode references = h.putArray("scaleReferences");
        for (int i = 0; i < layers.size(); i++) {
            LayerCodec.Packed packed = LayerCodec.encode(LayerWeights.read(layers.get(i)), plan.layer(i));
            if (packed.bytes().length != layerBytes(plan.layer(i), spec.layer(i).fanIn())) throw new IllegalStateException("layer " + i + " packed to "
                    + packed.bytes().length + " bytes, its plan says " + layerBytes(plan.layer(i), spec.layer(i).fanIn()));
            payload.write(packed.bytes());
            references.add(packed.scaleReference());
        }
        if (plan.layers().stream().anyMatch(l -> l.activationBits() != CompressionPlan.FLOAT_BITS)) {
            ObjectNode r = h.putObject("activationRanges");
            r.set("min", JSON.valueToTree(quantizedOnly(ranges.min(), plan)));
            r.set("max", JSON.valueToTree(quantizedOnly(ranges.max(), plan)));
        }
        OtherParams.Packed others = OtherParams.pack(model, weightKeys(model, layers), removedBiases(model, layers, plan));
        h.set("biasScales", JSON.valueToTree(others.biasScales()));
        ObjectNode prov = h.putObject("provenance");
        Provenance p = Provenance.capture();
        prov.put("dl4j", p.dl4jVersion());
        prov.put("time", p.time());
        prov.set("source", JSON.valueToTree(source));
        return writeFile(path, side(JSON.writeValueAsBytes(h), planBlock, others.bytes()), payload.toByteArray());
    }

    /** {@code values} with 0 for every layer whose activations the plan keeps in float (their range is unused). */
    private static double[] quantizedOnly(double[] values, CompressionPlan plan) {
        double[] v = values.clone();
        for (int i = 0; i < v.length; i++) if (plan.layer(i).activationBits() == CompressionPlan.FLOAT_BITS) v[i] = 0;
        return v;
    }

    /** A layer's payload bytes: its kernels' {@link KernelStorage} bits, padded to a byte. */
    private static int layerBytes(LayerPlan plan, int fanIn) {
        long bits = 0;
        for (int k = 0; k < plan.kernels(); k++) bits += KernelStorage.bits(fanIn, plan.keptWeights(k, fanIn), plan.weightBits(k));
        return Math.toIntExact((bits + 7) / 8);
    }

    /** The plan: layer names from the network, activation bits from the header, per-kernel facts from {@link PlanCodec}'s block. */
    private static CompressionPlan plan(JsonNode bitsNode, byte[] block, NetworkSpec spec) throws KwFormatException {
        if (bitsNode == null || !bitsNode.isArray() || bitsNode.size() != spec.size()) {
            throw new KwFormatException("header has activation bits for " + (bitsNode == null ? 0 : bitsNode.size()) + " layers, the network " + spec.size());
        }
        String[] names = new String[spec.size()];
        int[] activationBits = new int[spec.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = spec.layer(i).name();
            activationBits[i] = bitsNode.get(i).asInt();
        }
        return PlanCodec.decode(block, spec, names, activationBits);
    }

    private static byte[] side(byte[] header, byte[] planBlock, byte[] others) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var out = new DeflaterOutputStream(bytes, d)) {
            out.write(ByteBuffer.allocate(4).putInt(header.length).array());
            out.write(header);
            out.write(planBlock);
            out.write(others);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            d.end();
        }
        return bytes.toByteArray();
    }

    private static long writeFile(Path path, byte[] side, byte[] payload) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(side);
        crc.update(payload);
        ByteBuffer pre = ByteBuffer.allocate(PREAMBLE);
        pre.put(MAGIC.getBytes(StandardCharsets.US_ASCII)).putShort((short) VERSION).putInt(side.length).putInt(payload.length);
        return kernelwise.models.AtomicWrite.write(path, tmp -> {
            try (var out = Files.newOutputStream(tmp)) {
                out.write(pre.array());
                out.write(side);
                out.write(payload);
                out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
            }
            return Files.size(tmp);
        });
    }

    private static Set<String> weightKeys(Model model, List<CompressibleLayer> layers) {
        Set<String> keys = new HashSet<>();
        for (CompressibleLayer l : layers) keys.add(prefix(model, l) + LayerWeights.WEIGHT_KEY);
        return keys;
    }

    /** Per compressible layer's bias key, the kernels the plan removes (their biases are zero, not stored). */
    private static Map<String, boolean[]> removedBiases(Model model, List<CompressibleLayer> layers, CompressionPlan plan) {
        Map<String, boolean[]> m = new java.util.HashMap<>();
        for (CompressibleLayer l : layers) m.put(prefix(model, l) + LayerWeights.BIAS_KEY, plan.layer(l.info().index()).removedKernels(l.info().fanIn()));
        return m;
    }

    private static String prefix(Model model, CompressibleLayer l) {
        return (model instanceof MultiLayerNetwork ? String.valueOf(l.layer().getIndex()) : l.info().name()) + "_";
    }

    /**
     * Reads a packed model.
     *
     * @throws NoSuchFileException if {@code path} does not exist
     * @throws KwFormatException   if it is not a valid {@code .kw} file (one line saying why)
     */
    public static Packed read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) throw new NoSuchFileException(path.toString());
        byte[] file = Files.readAllBytes(path);
        ByteBuffer buf = checkedBuffer(path, file);
        int sideLen = buf.getInt(6);
        int payloadLen = buf.getInt(10);
        try {
            ByteBuffer side = ByteBuffer.wrap(inflate(file, PREAMBLE, sideLen));
            int headerLen = side.getInt();
            if (headerLen < 0 || headerLen > side.remaining()) throw new KwFormatException("header length " + headerLen + " exceeds the side block");
            JsonNode h = JSON.readTree(side.array(), 4, headerLen);
            side.position(4 + headerLen);
            int planLen = h.path("planBytes").asInt(-1);
            if (planLen < 0 || planLen > side.remaining()) throw new KwFormatException("plan block of " + planLen + " bytes exceeds the side block");
            byte[] planBlock = new byte[planLen];
            side.get(planBlock);
            return decode(h, planBlock, side.slice(), file, PREAMBLE + sideLen, payloadLen);
        } catch (KwFormatException e) {
            throw new KwFormatException(path + ": " + e.getMessage());
        } catch (IOException | RuntimeException | DataFormatException e) {
            throw new KwFormatException(path + ": unreadable packed model (" + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()) + ")");
        }
    }

    private static byte[] inflate(byte[] file, int offset, int length) throws DataFormatException {
        Inflater inf = new Inflater(true);
        try {
            inf.setInput(file, offset, length);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            while (!inf.finished()) {
                int n = inf.inflate(chunk);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) throw new DataFormatException("side block ends early");
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } finally {
            inf.end();
        }
    }

    private static ByteBuffer checkedBuffer(Path path, byte[] file) throws KwFormatException {
        if (file.length < PREAMBLE + 4) throw new KwFormatException(path + ": truncated: " + file.length + " bytes, a .kw file has at least " + (PREAMBLE + 4));
        if (!new String(file, 0, 4, StandardCharsets.US_ASCII).equals(MAGIC)) throw new KwFormatException(path + ": not a Kernelwise packed model (no KWPK magic)");
        ByteBuffer buf = ByteBuffer.wrap(file);
        int version = buf.getShort(4);
        if (version != VERSION) {
            throw new KwFormatException(path + ": format version " + version + " is not readable (this Kernelwise reads version " + VERSION
                    + "; export the model again)");
        }
        long expected = PREAMBLE + (buf.getInt(6) & 0xFFFFFFFFL) + (buf.getInt(10) & 0xFFFFFFFFL) + 4;
        if (buf.getInt(6) < 0 || buf.getInt(10) < 0 || expected != file.length) {
            throw new KwFormatException(path + ": truncated or padded: header says " + expected + " bytes, the file has " + file.length);
        }
        CRC32 crc = new CRC32();
        crc.update(file, PREAMBLE, file.length - PREAMBLE - 4);
        if ((int) crc.getValue() != buf.getInt(file.length - 4)) throw new KwFormatException(path + ": corrupt: CRC32 of header and payload does not match");
        return buf;
    }

    private static Packed decode(JsonNode h, byte[] planBlock, ByteBuffer others, byte[] file, int payloadStart, int payloadLen) throws IOException {
        Model net = NetworkRef.build(h.get("network"));
        List<CompressibleLayer> layers = NetworkSpecs.layers(net);
        NetworkSpec spec = NetworkSpecs.of(net);
        CompressionPlan plan = plan(h.get("activationBits"), planBlock, spec);
        int offset = payloadStart;
        for (int i = 0; i < layers.size(); i++) {
            int len = layerBytes(plan.layer(i), spec.layer(i).fanIn());
            if (len < 0 || offset + len > payloadStart + payloadLen) throw new KwFormatException("layer " + i + " payload of " + len + " bytes runs past the payload");
            byte[] bytes = java.util.Arrays.copyOfRange(file, offset, offset + len);
            float reference = (float) h.get("scaleReferences").get(i).asDouble();
            LayerWeights.write(layers.get(i), LayerCodec.decode(bytes, plan.layer(i), layers.get(i).info().fanIn(), reference));
            offset += len;
        }
        if (offset != payloadStart + payloadLen) throw new KwFormatException((payloadStart + payloadLen - offset) + " payload bytes left over after the last layer");
        OtherParams.unpack(net, weightKeys(net, layers), removedBiases(net, layers, plan), others, JSON.treeToValue(h.get("biasScales"), float[].class));
        ActivationRanges ranges = h.has("activationRanges")
                ? new ActivationRanges(JSON.treeToValue(h.get("activationRanges").get("min"), double[].class), JSON.treeToValue(h.get("activationRanges").get("max"), double[].class))
                : new ActivationRanges(new double[spec.size()], new double[spec.size()]);
        return new Packed(net, plan, ranges, h.get("provenance"), file.length, h.get("network").has("zoo") ? h.get("network").get("zoo").asText() : null);
    }

    private static String firstLine(String s) {
        if (s == null) return "no message";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
