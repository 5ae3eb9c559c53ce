package kernelwise.models.data;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * A minibatch iterator over an in-memory {@link DataSet}. Shuffled iterators draw a fresh permutation for every
 * pass from {@code seed} and the pass number, so two iterators with one seed yield the same batches.
 * {@link #reset()} starts the next pass.
 */
public final class Batches implements DataSetIterator {
    private final DataSet data;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;
    private final int n;
    private int[] order;
    private int pass;
    private int cursor;
    private transient DataSetPreProcessor preProcessor;

    private Batches(DataSet data, int batchSize, boolean shuffle, long seed) {
        if (batchSize <= 0) throw new IllegalArgumentException("batch size must be positive, found " + batchSize);
        if (data.numExamples() == 0) throw new IllegalArgumentException("cannot iterate over an empty data set");
        this.data = data;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.seed = seed;
        this.n = data.numExamples();
        startPass(0);
    }

    /** Batches in a new random order every pass, drawn from {@code seed}. */
    public static Batches shuffled(DataSet data, int batchSize, long seed) {
        return new Batches(data, batchSize, true, seed);
    }

    /** Batches in the data set's order (for evaluation). */
    public static Batches ordered(DataSet data, int batchSize) {
        return new Batches(data, batchSize, false, 0L);
    }

    /** Batches per pass. */
    public int batchesPerPass() {
        return (n + batchSize - 1) / batchSize;
    }

    /** The number of passes started before the current one. */
    public int pass() {
        return pass;
    }

    private void startPass(int p) {
        pass = p;
        cursor = 0;
        order = null;
        if (!shuffle) return;
        order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Random rnd = new Random(seed * 0x9E3779B97F4A7C15L + p);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    @Override
    public boolean hasNext() {
        return cursor < n;
    }

    @Override
    public DataSet next() {
        return next(batchSize);
    }

    @Override
    public DataSet next(int num) {
        if (!hasNext()) throw new NoSuchElementException("pass " + pass + " is exhausted; call reset()");
        int end = Math.min(n, cursor + num);
        DataSet batch = shuffle ? gather(cursor, end) : slice(cursor, end);
        cursor = end;
        if (preProcessor != null) preProcessor.preProcess(batch);
        return batch;
    }

    private DataSet slice(int from, int to) {
        INDArray f = data.getFeatures().get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).dup();
        INDArray l = data.getLabels().get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).dup();
        return new DataSet(f, l);
    }

    private DataSet gather(int from, int to) {
        int[] rows = Arrays.copyOfRange(order, from, to);
        return new DataSet(rows(data.getFeatures(), rows), data.getLabels().getRows(rows));
    }

    /** The examples {@code rows} of {@code x} ({@code [N, ...]} of any rank), copied. */
    static INDArray rows(INDArray x, int[] rows) {
        if (x.rank() == 2) return x.getRows(rows);
        long[] shape = x.shape().clone();
        shape[0] = rows.length;
        INDArray flat = x.reshape('c', x.size(0), x.length() / x.size(0));
        return Nd4j.pullRows(flat, 1, rows).reshape('c', shape);
    }

    @Override
    public int inputColumns() {
        return (int) data.getFeatures().size(1);
    }

    @Override
    public int totalOutcomes() {
        return (int) data.getLabels().size(1);
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public void reset() {
        startPass(pass + 1);
    }

    @Override
    public int batch() {
        return batchSize;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public List<String> getLabels() {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < totalOutcomes(); i++) labels.add(Integer.toString(i));
        return labels;
    }
}
