package kernelwise.agents.ddpg;

import kernelwise.agents.util.Rng;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.distribution.UniformDistribution;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * One DDPG actor-critic on DL4J: actor {@code mu(s)} (two ReLU hidden layers, sigmoid output in [0,1]), critic
 * {@code Q(s,a)} on the concatenated input (identity output), and target copies of both moved by Polyak
 * averaging. The critic is fitted to its target by mean squared error; the actor is trained through the critic's
 * gradient with respect to the action: the critic is back-propagated with an external epsilon of {@code -1/B} per
 * row ({@link MultiLayerNetwork#backpropGradient}, which returns the gradient of its input), the action columns of
 * that input gradient are back-propagated through the actor, and each net's Adam updater applies its gradient.
 * Both nets end in a {@link DenseLayer}, not an output layer: DL4J refuses an external epsilon on an output layer.
 */
public final class ActorCritic {
    private static final LayerWorkspaceMgr NO_WS = LayerWorkspaceMgr.noWorkspaces();

    private final DdpgConfig cfg;
    private final int obsSize;
    private final int actSize;
    private final ReplayBuffer.Batch batch;
    private MultiLayerNetwork actor;
    private MultiLayerNetwork critic;
    private MultiLayerNetwork actorTarget;
    private MultiLayerNetwork criticTarget;
    private MlpSnapshot policy;
    private long updates;

    /** Builds the four networks, initialised from {@code seed} (DL4J seeds its initialiser from the config). */
    public ActorCritic(int obsSize, int actSize, DdpgConfig cfg, long seed) {
        if (obsSize <= 0 || actSize <= 0) throw new IllegalArgumentException("obsSize and actSize must be positive, found " + obsSize + ", " + actSize);
        this.cfg = cfg;
        this.obsSize = obsSize;
        this.actSize = actSize;
        this.batch = new ReplayBuffer.Batch(cfg.batchSize(), obsSize, actSize);
        this.actor = build(obsSize, actSize, Activation.SIGMOID, cfg.actorLr(), seed);
        this.critic = build(obsSize + actSize, 1, Activation.IDENTITY, cfg.criticLr(), seed + 1);
        this.actorTarget = actor.clone();
        this.criticTarget = critic.clone();
        this.policy = new MlpSnapshot(actor);
    }

    private MultiLayerNetwork build(int in, int out, Activation outAct, double lr, long seed) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed).dataType(DataType.FLOAT).miniBatch(false)
                .updater(new Adam(lr)).weightInit(WeightInit.XAVIER)
                .trainingWorkspaceMode(WorkspaceMode.NONE).inferenceWorkspaceMode(WorkspaceMode.NONE)
                .list()
                .layer(new DenseLayer.Builder().nIn(in).nOut(cfg.hidden1()).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(cfg.hidden1()).nOut(cfg.hidden2()).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(cfg.hidden2()).nOut(out).activation(outAct)
                        .weightInit(new UniformDistribution(-3e-3, 3e-3)).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    public int obsSize() {
        return obsSize;
    }

    public int actSize() {
        return actSize;
    }

    /** Gradient steps taken so far. */
    public long updates() {
        return updates;
    }

    /** The deterministic policy {@code mu(s)} into {@code out}; allocation-free. */
    public void act(double[] obs, double[] out) {
        policy.forward(obs, out);
    }

    /** The critic's value of one state-action pair (for tests and diagnostics). */
    public double q(double[] obs, double[] action) {
        INDArray x = Nd4j.create(DataType.FLOAT, 1, obsSize + actSize);
        for (int i = 0; i < obsSize; i++) x.putScalar(0, i, obs[i]);
        for (int i = 0; i < actSize; i++) x.putScalar(0, obsSize + i, action[i]);
        return critic.output(x, false).getDouble(0);
    }

    /**
     * Takes {@code steps} gradient steps on batches sampled from {@code buffer}, rewards less {@code baseline}
     * times each transition's weight. Returns the last critic loss (NaN if no step was taken).
     */
    public double train(ReplayBuffer buffer, double baseline, Rng rng, int steps) {
        double loss = Double.NaN;
        if (buffer.size() == 0) return loss;
        for (int s = 0; s < steps; s++) {
            buffer.sample(batch, baseline, rng);
            loss = step();
        }
        policy = new MlpSnapshot(actor);
        return loss;
    }

    private double step() {
        int b = batch.size;
        INDArray s = Nd4j.create(batch.obs, new long[]{b, obsSize}, DataType.FLOAT);
        INDArray a = Nd4j.create(batch.act, new long[]{b, actSize}, DataType.FLOAT);
        INDArray r = Nd4j.create(batch.reward, new long[]{b, 1}, DataType.FLOAT);
        INDArray y = r;
        if (cfg.returns() == DdpgConfig.Returns.BOOTSTRAP && cfg.gamma() > 0) {
            INDArray s2 = Nd4j.create(batch.next, new long[]{b, obsSize}, DataType.FLOAT);
            INDArray notDone = Nd4j.create(batch.notDone, new long[]{b, 1}, DataType.FLOAT);
            INDArray q2 = criticTarget.output(Nd4j.hstack(s2, actorTarget.output(s2, false)), false);
            y = r.add(q2.muli(notDone).muli(cfg.gamma()));
        }
        double loss = updateCritic(Nd4j.hstack(s, a), y);
        updateActor(s);
        softUpdate(actorTarget, actor);
        softUpdate(criticTarget, critic);
        updates++;
        return loss;
    }

    private double updateCritic(INDArray x, INDArray y) {
        INDArray q = forwardTrain(critic, x);
        INDArray diff = q.sub(y);
        double loss = diff.norm2Number().doubleValue();
        loss = loss * loss / diff.rows();
        INDArray eps = diff.muli(2.0 / diff.rows());            // d mean((Q-y)^2) / dQ
        apply(critic, critic.backpropGradient(eps, NO_WS).getFirst());
        return loss;
    }

    private void updateActor(INDArray s) {
        int b = (int) s.rows();
        INDArray mu = forwardTrain(actor, s);
        forwardTrain(critic, Nd4j.hstack(s, mu));
        INDArray minusOne = Nd4j.valueArrayOf(new long[]{b, 1}, -1.0 / b, DataType.FLOAT); // d(-mean Q)/dQ
        INDArray inputGrad = critic.backpropGradient(minusOne, NO_WS).getSecond();
        INDArray dAction = inputGrad.get(NDArrayIndex.all(), NDArrayIndex.interval(obsSize, obsSize + actSize)).dup();
        invertAtBounds(dAction, mu);
        apply(actor, actor.backpropGradient(dAction, NO_WS).getFirst());
    }

    /**
     * Hausknecht and Stone's inverting gradients for bounded actions: a step that raises an action is scaled by its
     * room to the upper bound {@code 1 - a}, one that lowers it by its room {@code a} to the lower bound. The actor
     * then approaches a bound smoothly instead of saturating its sigmoid, where it would stop learning.
     * {@code grad} is the gradient of the loss (-Q): negative entries raise the action.
     */
    private static void invertAtBounds(INDArray grad, INDArray action) {
        INDArray raise = grad.lt(0).castTo(grad.dataType());
        INDArray room = action.rsub(1.0).muli(raise).addi(action.mul(raise.rsub(1.0)));
        grad.muli(room);
    }

    /** A training-mode forward pass that keeps every layer's input, as {@code backpropGradient} needs. */
    private static INDArray forwardTrain(MultiLayerNetwork net, INDArray x) {
        net.setInput(x);
        List<INDArray> acts = net.feedForward(true, false);
        return acts.get(acts.size() - 1);
    }

    private void apply(MultiLayerNetwork net, Gradient g) {
        net.getUpdater().update(net, g, (int) updates, 0, batch.size, NO_WS);
        net.params().subi(g.gradient());
    }

    private void softUpdate(MultiLayerNetwork target, MultiLayerNetwork source) {
        target.params().muli(1.0 - cfg.tau()).addi(source.params().mul(cfg.tau()));
    }

    /** Writes the four networks (the two trained ones with their Adam state) and the update counter. */
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(obsSize);
        out.writeInt(actSize);
        out.writeLong(updates);
        writeNet(out, actor, true);
        writeNet(out, critic, true);
        writeNet(out, actorTarget, false);
        writeNet(out, criticTarget, false);
    }

    public void read(DataInputStream in) throws IOException {
        int o = in.readInt();
        int a = in.readInt();
        if (o != obsSize || a != actSize) {
            throw new IllegalArgumentException("actor-critic state is for (" + o + "," + a + "), this one is (" + obsSize + "," + actSize + ")");
        }
        updates = in.readLong();
        actor = readNet(in, true);
        critic = readNet(in, true);
        actorTarget = readNet(in, false);
        criticTarget = readNet(in, false);
        policy = new MlpSnapshot(actor);
    }

    private static void writeNet(DataOutputStream out, MultiLayerNetwork net, boolean updater) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, bytes, updater);
        out.writeInt(bytes.size());
        bytes.writeTo(out);
    }

    private static MultiLayerNetwork readNet(DataInputStream in, boolean updater) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes), updater);
    }

    /** The trained networks, for tests. */
    MultiLayerNetwork actor() {
        return actor;
    }

    MultiLayerNetwork critic() {
        return critic;
    }
}
