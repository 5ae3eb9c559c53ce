package kernelwise.models.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits made from three DL4J {@link DataSetIterator}s: each is reset (when it can be) and drained once into memory,
 * its batches' features ({@code [n, F]} or {@code [n, C, H, W]}) and one-hot labels concatenated; the SHA-256 of
 * each split's float features and labels stands in for a file checksum.
 */
final class IteratorData {
    private IteratorData() {
    }

    static DataSplits of(String name, DataSetIterator train, DataSetIterator validation, DataSetIterator test) {
        Map<String, String> sha = new TreeMap<>();
        DataSet tr = drain(name, "train", train, sha), va = drain(name, "validation", validation, sha), te = drain(name, "test", test, sha);
        return new DataSplits(name, tr, va, te, sha);
    }

    private static DataSet drain(String name, String split, DataSetIterator it, Map<String, String> sha) {
        if (it == null) throw new IllegalArgumentException("the " + split + " iterator of " + name + " must not be null");
        if (it.resetSupported()) it.reset();
        List<DataSet> batches = new ArrayList<>();
        while (it.hasNext()) {
            DataSet b = it.next();
            if (b.getFeatures() == null || b.getLabels() == null) {
                throw new IllegalArgumentException("the " + split + " iterator of " + name + " gave a batch without " + (b.getFeatures() == null ? "features" : "labels"));
            }
            int rank = b.getFeatures().rank();
            if (rank != 2 && rank != 4) {
                throw new IllegalArgumentException("the " + split + " iterator of " + name + " gave features of rank " + rank
                        + ", expected [n, F] or [n, C, H, W]");
            }
            batches.add(new DataSet(b.getFeatures().castTo(DataType.FLOAT).dup('c'), b.getLabels().castTo(DataType.FLOAT).dup('c')));
        }
        if (batches.isEmpty()) throw new IllegalArgumentException("the " + split + " iterator of " + name + " gave no examples");
        DataSet all = batches.size() == 1 ? batches.get(0) : DataSet.merge(batches);
        sha.put("iterator:" + split, digest(all.getFeatures(), all.getLabels()));
        return all;
    }

    private static String digest(INDArray... arrays) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (INDArray a : arrays) {
                for (long d : a.shape()) md.update(ByteBuffer.allocate(8).putLong(d).array());
                float[] v = a.dup('c').reshape(-1).toFloatVector();
                ByteBuffer b = ByteBuffer.allocate(4 * v.length);
                for (float x : v) b.putFloat(x);
                md.update(b.array());
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
