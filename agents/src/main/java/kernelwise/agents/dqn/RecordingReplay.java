package kernelwise.agents.dqn;

import org.deeplearning4j.rl4j.experience.StateActionRewardState;
import org.deeplearning4j.rl4j.learning.sync.ExpReplay;
import org.deeplearning4j.rl4j.learning.sync.IExpReplay;
import org.deeplearning4j.rl4j.observation.Observation;
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
        for (INDArray channel : obs.getChannelsData()) Nd4j.write(channel, out);
    }

    private static Observation readObservation(DataInputStream in) throws IOException {
        int channels = in.readInt();
        if (channels <= 0) throw new IOException("an observation has " + channels + " channels");
        INDArray[] data = new INDArray[channels];
        for (int c = 0; c < channels; c++) data[c] = Nd4j.read(in);
        return new Observation(data);
    }
}
