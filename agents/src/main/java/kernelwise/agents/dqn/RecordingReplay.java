package kernelwise.agents.dqn;

import org.deeplearning4j.rl4j.experience.StateActionRewardState;
import org.deeplearning4j.rl4j.learning.sync.ExpReplay;
import org.deeplearning4j.rl4j.learning.sync.IExpReplay;
import org.deeplearning4j.rl4j.observation.Observation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * RL4J's own {@link ExpReplay}, wrapped so that its contents can be saved: every stored transition is mirrored, in
 * order, in a deque of the same capacity (RL4J keeps them in a private circular FIFO, oldest evicted first).
 * Sampling stays RL4J's. A restore replaces the inner replay by a fresh one holding the saved transitions in their
 * saved order, so RL4J's indices into it (and therefore its samples) are the uninterrupted run's.
 */
final class RecordingReplay implements IExpReplay<Integer> {
    private static final byte RAW_FLOAT = 1;
    private static final byte RAW_DOUBLE = 2;
    private static final byte RAW_ND4J = 3;

    private final int capacity;
    private final int batchSize;
    private final Random rnd;
    private final ArrayDeque<StateActionRewardState<Integer>> mirror;
    private ExpReplay<Integer> inner;

    RecordingReplay(int capacity, int batchSize, Random rnd) {
        this.capacity = capacity;
        this.batchSize = batchSize;
        this.rnd = rnd;
        this.mirror = new ArrayDeque<>(Math.min(capacity, 1024));
        this.inner = new ExpReplay<>(capacity, batchSize, rnd);
    }

    @Override
    public int getBatchSize() {
        return inner.getBatchSize();
    }

    @Override
    public ArrayList<StateActionRewardState<Integer>> getBatch() {
        return inner.getBatch();
    }

    @Override
    public void store(StateActionRewardState<Integer> transition) {
        inner.store(transition);
        if (mirror.size() == capacity) mirror.pollFirst();
        mirror.addLast(transition);
    }

    @Override
    public int getDesignatedBatchSize() {
        return inner.getDesignatedBatchSize();
    }

    /** Transitions held, oldest first. */
    int size() {
        return mirror.size();
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(mirror.size());
        for (StateActionRewardState<Integer> t : mirror) {
            writeObservation(out, t.getObservation());
            out.writeInt(t.getAction());
            out.writeDouble(t.getReward());
            out.writeBoolean(t.isTerminal());
            writeObservation(out, t.getNextObservation());
        }
    }

    /** Replaces the contents by the transitions {@link #write} saved. */
    void read(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > capacity) throw new IOException("replay holds " + n + " transitions, capacity is " + capacity);
        List<StateActionRewardState<Integer>> saved = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Observation obs = readObservation(in);
            int action = in.readInt();
            double reward = in.readDouble();
            boolean terminal = in.readBoolean();
            StateActionRewardState<Integer> t = new StateActionRewardState<>(obs, action, reward, terminal);
            t.setNextObservation(readObservation(in));
            saved.add(t);
        }
        mirror.clear();
        inner = new ExpReplay<>(capacity, batchSize, rnd);
        saved.forEach(this::store);
    }

    private static void writeObservation(DataOutputStream out, Observation obs) throws IOException {
        if (obs == null || obs.isSkipped()) throw new IllegalStateException("a stored transition has no observation: RL4J stores only complete transitions");
        out.writeInt(obs.numChannels());
        for (INDArray channel : obs.getChannelsData()) writeArray(out, channel);
    }

    /** Float and double arrays as shape and raw values in C order (exact, a quarter of {@code Nd4j.write}'s bytes). */
    private static void writeArray(DataOutputStream out, INDArray a) throws IOException {
        DataType type = a.dataType();
        if (type != DataType.FLOAT && type != DataType.DOUBLE) {
            out.writeByte(RAW_ND4J);
            Nd4j.write(a, out);
            return;
        }
        out.writeByte(type == DataType.FLOAT ? RAW_FLOAT : RAW_DOUBLE);
        long[] shape = a.shape();
        out.writeInt(shape.length);
        for (long d : shape) out.writeLong(d);
        INDArray c = a.dup('c');
        if (type == DataType.FLOAT) for (float v : c.data().asFloat()) out.writeFloat(v);
        else for (double v : c.data().asDouble()) out.writeDouble(v);
    }

    private static INDArray readArray(DataInputStream in) throws IOException {
        byte kind = in.readByte();
        if (kind == RAW_ND4J) return Nd4j.read(in);
        if (kind != RAW_FLOAT && kind != RAW_DOUBLE) throw new IOException("unknown observation encoding " + kind);
        int rank = in.readInt();
        if (rank < 0 || rank > 8) throw new IOException("an observation has rank " + rank);
        long[] shape = new long[rank];
        long n = 1;
        for (int i = 0; i < rank; i++) {
            shape[i] = in.readLong();
            n *= shape[i];
        }
        if (n < 0 || n > in.available()) throw new IOException("an observation announces " + n + " values, " + in.available() + " bytes remain");
        if (kind == RAW_FLOAT) {
            float[] v = new float[(int) n];
            for (int i = 0; i < v.length; i++) v[i] = in.readFloat();
            return Nd4j.create(v, shape, 'c');
        }
        double[] v = new double[(int) n];
        for (int i = 0; i < v.length; i++) v[i] = in.readDouble();
        return Nd4j.create(v, shape, 'c');
    }

    private static Observation readObservation(DataInputStream in) throws IOException {
        int channels = in.readInt();
        if (channels <= 0) throw new IOException("an observation has " + channels + " channels");
        INDArray[] data = new INDArray[channels];
        for (int c = 0; c < channels; c++) data[c] = readArray(in);
        return new Observation(data);
    }
}
