package kernelwise.models.data;

import kernelwise.models.Checksums;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The entry point for data: {@link #load(DataSpec, Path)} reads any {@link DataSpec}. MNIST and Fashion-MNIST are
 * read from their IDX files into fixed splits (the last 5,000 training images validate); {@code digits} is the
 * 8x8 digits table scikit-learn ships ({@code data/digits/digits.csv.gz}, 1,797 images, 16 grey levels).
 */
public final class Datasets {
    /** Images per item side. */
    public static final int SIDE = 28;
    /** Features per image. */
    public static final int FEATURES = SIDE * SIDE;
    /** Classes. */
    public static final int CLASSES = 10;
    /** Images held out of the end of the training file for validation. */
    public static final int VALIDATION = 5_000;

    private static final Logger log = LoggerFactory.getLogger(Datasets.class);
    private static final List<String> NAMES = DataSpec.NAMED;

    private Datasets() {
    }

    /** The data sets this class knows. */
    public static List<String> names() {
        return NAMES;
    }

    /** The spec of the named set {@code digits}: its CSV in {@code dataDir}, split 60/20/20 with seed 0. */
    static DataSpec digits(Path dataDir) {
        Path csv = dataDir.resolve("digits").resolve("digits.csv.gz");
        return DataSpec.parse("csv:" + csv + ",header=no,shape=1x8x8,scale=16,validation=0.2,test=0.2,seed=0,name=digits");
    }

    /**
     * Loads the data {@code spec} names: a named set from {@code dataDir}, or the files a file-format spec names
     * (relative paths against the working directory).
     *
     * @throws DataMissingException     for a named set whose files are not fetched
     * @throws java.nio.file.NoSuchFileException for a user's file that does not exist
     * @throws DataFormatException      for a file refused (its message names the file, the item and what was found)
     * @throws IllegalArgumentException for {@code java:} data, which only Java can hand over
     */
    public static DataSplits load(DataSpec spec, Path dataDir) throws IOException {
        if (spec.format().equals("java")) {
            throw new IllegalArgumentException("data '" + spec + "' was handed over from Java (DataSplits.fromIterators); it cannot be read from files");
        }
        if (spec.format().equals("digits")) {
            Path csv = dataDir.resolve("digits").resolve("digits.csv.gz");
            if (!Files.isRegularFile(csv)) throw new DataMissingException(csv, "digits");
            return DataLoader.load(digits(dataDir));
        }
        if (spec.isNamed()) return load(spec.format(), dataDir);
        return DataLoader.load(spec);
    }

    /** Loads data set {@code name} ({@code mnist} or {@code fashion-mnist}) from {@code dataDir/<name>/}, raw or {@code .gz} IDX files. */
    public static DataSplits load(String name, Path dataDir) throws IOException {
        if (name.equals("digits")) return load(DataSpec.named(name), dataDir);
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown data set '" + name + "' (known: " + String.join(", ", NAMES) + ")");
        }
        long t0 = System.nanoTime();
        Map<String, String> sha = new TreeMap<>();
        Idx[] train = readPair(dataDir, name, "train", sha);
        Idx[] test = readPair(dataDir, name, "t10k", sha);
        Idx trainImages = train[0], trainLabels = train[1], testImages = test[0], testLabels = test[1];
        int n = trainImages.items();
        if (n <= VALIDATION) throw new IllegalArgumentException(name + " training file has " + n + " images, needs more than " + VALIDATION);
        DataSplits splits = new DataSplits(name,
                toDataSet(trainImages, trainLabels, 0, n - VALIDATION),
                toDataSet(trainImages, trainLabels, n - VALIDATION, n),
                toDataSet(testImages, testLabels, 0, testImages.items()), sha, FeatureShape.image(1, SIDE, SIDE), CLASSES);
        log.info("loaded {} ({} train, {} validation, {} test) in {} ms", name, n - VALIDATION, VALIDATION,
                testImages.items(), (System.nanoTime() - t0) / 1_000_000);
        return splits;
    }

    /** Loads data set {@code name} from the resolved data folder ({@link kernelwise.models.Folders#data()}). */
    public static DataSplits load(String name) throws IOException {
        return load(name, kernelwise.models.Folders.data());
    }

    /** Items {@code [from, to)} of matching image and label files as a DataSet of [n, 784] features and [n, 10] one-hot labels. */
    public static DataSet toDataSet(Idx images, Idx labels, int from, int to) {
        checkPair(images, labels, from, to);
        int n = to - from;
        int size = images.itemSize();
        byte[] px = images.data();
        float[] f = new float[n * size];
        for (int i = 0, o = from * size; i < f.length; i++) f[i] = (px[o + i] & 0xFF) / 255f;
        float[] y = new float[n * CLASSES];
        byte[] lb = labels.data();
        for (int i = 0; i < n; i++) y[i * CLASSES + (lb[from + i] & 0xFF)] = 1f;
        INDArray features = Nd4j.create(f, new long[]{n, size}, 'c');
        INDArray oneHot = Nd4j.create(y, new long[]{n, CLASSES}, 'c');
        return new DataSet(features, oneHot);
    }

    /** The first {@code n} examples of {@code data} (copied), or all of them if it has fewer. */
    public static DataSet first(DataSet data, int n) {
        if (n <= 0) throw new IllegalArgumentException("subset size must be positive, found " + n);
        int m = (int) Math.min(n, data.numExamples());
        INDArray f = data.getFeatures().get(NDArrayIndex.interval(0, m), NDArrayIndex.all()).dup();
        INDArray l = data.getLabels().get(NDArrayIndex.interval(0, m), NDArrayIndex.all()).dup();
        return new DataSet(f.castTo(DataType.FLOAT), l.castTo(DataType.FLOAT));
    }

    private static void checkPair(Idx images, Idx labels, int from, int to) {
        if (images.magic() != Idx.IMAGES || labels.magic() != Idx.LABELS) {
            throw new IllegalArgumentException("need an image file and a label file, found magics "
                    + Idx.hex(images.magic()) + " and " + Idx.hex(labels.magic()));
        }
        if (images.items() != labels.items()) {
            throw new IllegalArgumentException("image and label counts differ: " + images.items() + " vs " + labels.items());
        }
        if (from < 0 || to > images.items() || from >= to) {
            throw new IllegalArgumentException("item range must be within 0.." + images.items() + ", found [" + from + ", " + to + ")");
        }
        for (int i = from; i < to; i++) {
            int c = labels.data()[i] & 0xFF;
            if (c >= CLASSES) throw new IllegalArgumentException("label " + i + " must be 0.." + (CLASSES - 1) + ", found " + c);
        }
    }

    /** Reads {@code <prefix>-images-idx3-ubyte} and its labels, checking 28x28 images, matching counts, labels 0..9. */
    private static Idx[] readPair(Path dataDir, String name, String prefix, Map<String, String> sha) throws IOException {
        Path imageFile = hashed(find(dataDir, name, prefix + "-images-idx3-ubyte"), sha);
        Path labelFile = hashed(find(dataDir, name, prefix + "-labels-idx1-ubyte"), sha);
        Idx images = IdxReader.readImages(imageFile);
        Idx labels = IdxReader.readLabels(labelFile);
        int[] d = images.dims();
        if (d[1] != SIDE || d[2] != SIDE) {
            throw new IdxFormatException(imageFile, SIDE + "x" + SIDE + " images", d[1] + "x" + d[2]);
        }
        if (labels.items() != images.items()) {
            throw new IdxFormatException(labelFile, images.items() + " labels (one per image of " + imageFile.getFileName() + ")",
                    labels.items());
        }
        byte[] lb = labels.data();
        for (int i = 0; i < lb.length; i++) {
            if ((lb[i] & 0xFF) >= CLASSES) {
                throw new IdxFormatException(labelFile, "labels 0.." + (CLASSES - 1), (lb[i] & 0xFF) + " at item " + i);
            }
        }
        return new Idx[]{images, labels};
    }

    private static Path find(Path dataDir, String name, String base) throws DataMissingException {
        Path raw = dataDir.resolve(name).resolve(base);
        if (Files.isRegularFile(raw)) return raw;
        Path gz = dataDir.resolve(name).resolve(base + ".gz");
        if (Files.isRegularFile(gz)) return gz;
        throw new DataMissingException(name.equals("mnist") ? raw : gz, name);
    }

    private static Path hashed(Path file, Map<String, String> sha) throws IOException {
        sha.put(file.getFileName().toString(), Checksums.sha256(file));
        return file;
    }
}
