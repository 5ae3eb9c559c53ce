package kernelwise.models.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kernelwise.models.Provenance;
import kernelwise.models.compress.ActivationRanges;
import kernelwise.models.compress.CompressibleLayer;
import kernelwise.models.compress.LayerWeights;
import kernelwise.models.compress.NetworkSpecs;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.NetworkSpec;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * The packed {@code .kw} model file. Layout (big-endian):
 * <pre>
 * magic "KWPK" | u16 format version | u32 header bytes | u64 payload bytes | header | payload | u32 CRC32(header + payload)
 * </pre>
 * The header is UTF-8 JSON, gzip-compressed: model kind, the DL4J configuration JSON, the plan, the activation ranges the plan's
 * activation bits apply to, the byte length of every compressible layer's payload, the number of other
 * parameters, and provenance. The payload holds each compressible layer packed by {@link LayerCodec} (exactly
 * {@link kernelwise.models.compress.KernelStorage}'s bits, padded to a byte per layer), then every other parameter
 * (biases, batch norm) as float32 in the network's parameter-table order.
 * <p>
 * {@link #read} rebuilds the DL4J network with the dequantized weights, bit-identical to the projected weights
 * {@link #write} packed.
 */
public final class KwFile {
    /** The first four bytes of every {@code .kw} file. */
    public static final String MAGIC = "KWPK";
    /** The format version this code writes and the newest it reads. */
    public static final int VERSION = 1;
    private static final int PREAMBLE = 4 + 2 + 4 + 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A packed model read back.
     *
     * @param network    the DL4J network with dequantized weights
     * @param plan       the plan it was packed with
     * @param ranges     the activation ranges for the plan's activation bits
     * @param provenance the provenance JSON written with it
     * @param bytes      the file's size
     */
    public record Packed(Model network, CompressionPlan plan, ActivationRanges ranges, JsonNode provenance, long bytes) {
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
        ArrayNode layerBytes = JSON.createArrayNode();
        for (int i = 0; i < layers.size(); i++) {
            byte[] packed = LayerCodec.encode(LayerWeights.read(layers.get(i)), plan.layer(i));
            payload.write(packed);
            layerBytes.add(packed.length);
        }
        float[] others = otherParams(model, layers);
        ByteBuffer fb = ByteBuffer.allocate(4 * others.length);
        fb.asFloatBuffer().put(others);
        payload.write(fb.array());
        byte[] header = header(model, plan, ranges, layerBytes, others.length, source);
        return writeFile(path, header, payload.toByteArray());
    }

    private static byte[] header(Model model, CompressionPlan plan, ActivationRanges ranges, ArrayNode layerBytes, int others, Map<String, ?> source) throws IOException {
        ObjectNode h = JSON.createObjectNode();
        h.put("modelKind", model instanceof ComputationGraph ? "ComputationGraph" : "MultiLayerNetwork");
        h.put("configuration", model instanceof MultiLayerNetwork m ? m.getLayerWiseConfigurations().toJson() : ((ComputationGraph) model).getConfiguration().toJson());
        h.set("plan", JSON.readTree(plan.toJson()));
        ObjectNode r = h.putObject("activationRanges");
        r.set("min", JSON.valueToTree(ranges.min()));
        r.set("max", JSON.valueToTree(ranges.max()));
        h.set("layerBytes", layerBytes);
        h.put("otherParams", others);
        ObjectNode prov = h.putObject("provenance");
        prov.set("kernelwise", JSON.valueToTree(Provenance.capture()));
        prov.set("source", JSON.valueToTree(source));
        var bytes = new ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(bytes)) {
            gz.write(JSON.writeValueAsBytes(h));
        }
        return bytes.toByteArray();
    }

    private static long writeFile(Path path, byte[] header, byte[] payload) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(header);
        crc.update(payload);
        ByteBuffer pre = ByteBuffer.allocate(PREAMBLE);
        pre.put(MAGIC.getBytes(StandardCharsets.US_ASCII)).putShort((short) VERSION).putInt(header.length).putLong(payload.length);
        Path abs = path.toAbsolutePath();
        if (abs.getParent() != null) Files.createDirectories(abs.getParent());
        Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
        try (var out = Files.newOutputStream(tmp)) {
            out.write(pre.array());
            out.write(header);
            out.write(payload);
            out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        }
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
        return Files.size(abs);
    }

    /** Every parameter but the compressible layers' weights, in parameter-table order, as floats. */
    private static float[] otherParams(Model model, List<CompressibleLayer> layers) {
        Set<String> skip = weightKeys(model, layers);
        List<INDArray> parts = new ArrayList<>();
        model.paramTable().forEach((k, v) -> {
            if (!skip.contains(k)) parts.add(v.dup('c').reshape(-1).castTo(DataType.FLOAT));
        });
        if (parts.isEmpty()) return new float[0];
        return Nd4j.concat(0, parts.toArray(INDArray[]::new)).toFloatVector();
    }

    private static Set<String> weightKeys(Model model, List<CompressibleLayer> layers) {
        Set<String> keys = new HashSet<>();
        for (CompressibleLayer l : layers) {
            String prefix = model instanceof MultiLayerNetwork ? String.valueOf(l.layer().getIndex()) : l.info().name();
            keys.add(prefix + "_" + LayerWeights.WEIGHT_KEY);
        }
        return keys;
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
        int headerLen = buf.getInt(6);
        long payloadLen = buf.getLong(10);
        JsonNode h;
        try {
            try (var gz = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(file, PREAMBLE, headerLen))) {
                h = JSON.readTree(gz.readAllBytes());
            }
            return decode(path, h, file, PREAMBLE + headerLen, payloadLen);
        } catch (KwFormatException e) {
            throw new KwFormatException(path + ": " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw new KwFormatException(path + ": unreadable packed model (" + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()) + ")");
        }
    }

    private static ByteBuffer checkedBuffer(Path path, byte[] file) throws KwFormatException {
        if (file.length < PREAMBLE + 4) throw new KwFormatException(path + ": truncated: " + file.length + " bytes, a .kw file has at least " + (PREAMBLE + 4));
        if (!new String(file, 0, 4, StandardCharsets.US_ASCII).equals(MAGIC)) throw new KwFormatException(path + ": not a Kernelwise packed model (no KWPK magic)");
        ByteBuffer buf = ByteBuffer.wrap(file);
        int version = buf.getShort(4);
        if (version < 1 || version > VERSION) {
            throw new KwFormatException(path + ": format version " + version + " is not readable (this Kernelwise reads 1.." + VERSION + ")");
        }
        long expected = PREAMBLE + (long) buf.getInt(6) + buf.getLong(10) + 4;
        if (buf.getInt(6) < 0 || buf.getLong(10) < 0 || expected != file.length) {
            throw new KwFormatException(path + ": truncated or padded: header says " + expected + " bytes, the file has " + file.length);
        }
        CRC32 crc = new CRC32();
        crc.update(file, PREAMBLE, file.length - PREAMBLE - 4);
        if ((int) crc.getValue() != buf.getInt(file.length - 4)) throw new KwFormatException(path + ": corrupt: CRC32 of header and payload does not match");
        return buf;
    }

    private static Packed decode(Path path, JsonNode h, byte[] file, int payloadStart, long payloadLen) throws IOException {
        String kind = h.get("modelKind").asText();
        String conf = h.get("configuration").asText();
        Model net;
        if (kind.equals("MultiLayerNetwork")) {
            net = new MultiLayerNetwork(MultiLayerConfiguration.fromJson(conf));
        } else if (kind.equals("ComputationGraph")) {
            net = new ComputationGraph(ComputationGraphConfiguration.fromJson(conf));
        } else {
            throw new KwFormatException("unknown model kind '" + kind + "'");
        }
        net.init();
        CompressionPlan plan = CompressionPlan.fromJson(h.get("plan").toString());
        List<CompressibleLayer> layers = NetworkSpecs.layers(net);
        plan.checkAgainst(NetworkSpecs.of(net));
        int offset = payloadStart;
        for (int i = 0; i < layers.size(); i++) {
            int len = h.get("layerBytes").get(i).asInt();
            byte[] bytes = java.util.Arrays.copyOfRange(file, offset, offset + len);
            LayerWeights.write(layers.get(i), LayerCodec.decode(bytes, plan.layer(i), layers.get(i).info().fanIn()));
            offset += len;
        }
        readOtherParams(net, layers, ByteBuffer.wrap(file, offset, payloadStart + (int) payloadLen - offset), h.get("otherParams").asInt());
        ActivationRanges ranges = new ActivationRanges(JSON.treeToValue(h.get("activationRanges").get("min"), double[].class),
                JSON.treeToValue(h.get("activationRanges").get("max"), double[].class));
        return new Packed(net, plan, ranges, h.get("provenance"), file.length);
    }

    private static void readOtherParams(Model net, List<CompressibleLayer> layers, ByteBuffer buf, int count) throws KwFormatException {
        if (buf.remaining() != 4L * count) throw new KwFormatException("other parameters take " + buf.remaining() + " bytes, header says " + count + " floats");
        Set<String> skip = weightKeys(net, layers);
        var floats = buf.slice().asFloatBuffer();
        for (Map.Entry<String, INDArray> e : net.paramTable().entrySet()) {
            if (skip.contains(e.getKey())) continue;
            INDArray p = e.getValue();
            float[] v = new float[(int) p.length()];
            if (floats.remaining() < v.length) throw new KwFormatException("parameter " + e.getKey() + " needs " + v.length + " floats, " + floats.remaining() + " left");
            floats.get(v);
            p.assign(Nd4j.createFromArray(v).reshape('c', p.shape()));
        }
        if (floats.remaining() != 0) throw new KwFormatException(floats.remaining() + " parameter floats left over: the configuration does not match");
    }

    private static String firstLine(String s) {
        if (s == null) return "no message";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
