package kernelwise.agents.ddpg;

import kernelwise.agents.util.Rng;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A fixed-capacity ring of transitions (s, a, r, s', done, baseline weight), stored in flat float arrays.
 * Sampling is uniform with replacement from a passed-in {@link Rng}, into caller-owned arrays.
 */
public final class ReplayBuffer {
    private final int capacity;
    private final int obsSize;
    private final int actSize;
    private final float[] obs;
    private final float[] act;
    private final float[] next;
    private final float[] reward;
    private final float[] baselineWeight;
    private final boolean[] done;
    private int size;
    private int head;

    public ReplayBuffer(int capacity, int obsSize, int actSize) {
        if (capacity <= 0) throw new IllegalArgumentException("capacity must be positive, found " + capacity);
        if (obsSize <= 0 || actSize <= 0) throw new IllegalArgumentException("obsSize and actSize must be positive, found " + obsSize + ", " + actSize);
        this.capacity = capacity;
        this.obsSize = obsSize;
        this.actSize = actSize;
        this.obs = new float[capacity * obsSize];
        this.next = new float[capacity * obsSize];
        this.act = new float[capacity * actSize];
        this.reward = new float[capacity];
        this.baselineWeight = new float[capacity];
        this.done = new boolean[capacity];
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    public int obsSize() {
        return obsSize;
    }

    public int actSize() {
        return actSize;
    }

    /**
     * Adds a transition, overwriting the oldest when full. {@code baselineWeight} is how much of the moving
     * reward baseline is subtracted from {@code r} when sampled (1 for an extrinsic reward, the extrinsic share for
     * a mixed one, 0 for none). {@code s2} may be null when {@code done}.
     */
    public void add(double[] s, double[] a, double r, double[] s2, boolean isDone, double weight) {
        int i = head;
        for (int j = 0; j < obsSize; j++) {
            obs[i * obsSize + j] = (float) s[j];
            next[i * obsSize + j] = s2 == null ? 0f : (float) s2[j];
        }
        for (int j = 0; j < actSize; j++) act[i * actSize + j] = (float) a[j];
        reward[i] = (float) r;
        baselineWeight[i] = (float) weight;
        done[i] = isDone;
        head = (head + 1) % capacity;
        size = Math.min(size + 1, capacity);
    }

    /** The stored action of the transition {@code back} steps before the newest (0 = newest), as floats widened. */
    public double[] action(int back) {
        if (back < 0 || back >= size) throw new IllegalArgumentException("back must be in [0," + size + "), found " + back);
        int i = Math.floorMod(head - 1 - back, capacity);
        double[] a = new double[actSize];
        for (int j = 0; j < actSize; j++) a[j] = act[i * actSize + j];
        return a;
    }

    /** Fills a sampled batch (arrays sized for {@code batch.size()} rows) with rewards less {@code baseline}. */
    public void sample(Batch batch, double baseline, Rng rng) {
        if (size == 0) throw new IllegalStateException("cannot sample an empty replay buffer");
        for (int b = 0; b < batch.size; b++) {
            int i = rng.nextInt(size);
            System.arraycopy(obs, i * obsSize, batch.obs, b * obsSize, obsSize);
            System.arraycopy(next, i * obsSize, batch.next, b * obsSize, obsSize);
            System.arraycopy(act, i * actSize, batch.act, b * actSize, actSize);
            batch.reward[b] = (float) (reward[i] - baselineWeight[i] * baseline);
            batch.notDone[b] = done[i] ? 0f : 1f;
        }
    }

    public void write(DataOutputStream out) throws IOException {
        out.writeInt(capacity);
        out.writeInt(obsSize);
        out.writeInt(actSize);
        out.writeInt(size);
        out.writeInt(head);
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < obsSize; j++) out.writeFloat(obs[i * obsSize + j]);
            for (int j = 0; j < obsSize; j++) out.writeFloat(next[i * obsSize + j]);
            for (int j = 0; j < actSize; j++) out.writeFloat(act[i * actSize + j]);
            out.writeFloat(reward[i]);
            out.writeFloat(baselineWeight[i]);
            out.writeBoolean(done[i]);
        }
    }

    public void read(DataInputStream in) throws IOException {
        int c = in.readInt();
        int o = in.readInt();
        int a = in.readInt();
        if (c != capacity || o != obsSize || a != actSize) {
            throw new IllegalArgumentException("replay buffer state is " + c + "x(" + o + "," + a + "), this buffer is "
                    + capacity + "x(" + obsSize + "," + actSize + ")");
        }
        size = in.readInt();
        head = in.readInt();
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < obsSize; j++) obs[i * obsSize + j] = in.readFloat();
            for (int j = 0; j < obsSize; j++) next[i * obsSize + j] = in.readFloat();
            for (int j = 0; j < actSize; j++) act[i * actSize + j] = in.readFloat();
            reward[i] = in.readFloat();
            baselineWeight[i] = in.readFloat();
            done[i] = in.readBoolean();
        }
    }

    /** Reusable arrays for one sampled batch. */
    public static final class Batch {
        final int size;
        final float[] obs;
        final float[] next;
        final float[] act;
        final float[] reward;
        final float[] notDone;

        public Batch(int size, int obsSize, int actSize) {
            this.size = size;
            this.obs = new float[size * obsSize];
            this.next = new float[size * obsSize];
            this.act = new float[size * actSize];
            this.reward = new float[size];
            this.notDone = new float[size];
        }
    }
}
