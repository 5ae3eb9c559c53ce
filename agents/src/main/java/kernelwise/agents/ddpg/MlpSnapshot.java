package kernelwise.agents.ddpg;

import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;

/**
 * A copy of a small dense network's parameters in plain arrays, for the one-observation forward pass an agent
 * makes at every environment step: a DL4J {@code output()} call pays JNI and array allocation for a 1-row input,
 * while this forward runs in plain Java over the arrays and allocates nothing.
 * The actor changes only when it is trained (once per episode), so the snapshot is refreshed then.
 */
final class MlpSnapshot {
    private final float[][] w;      // layer -> [nIn * nOut], row = input unit
    private final float[][] b;      // layer -> [nOut]
    private final int[] act;        // 0 identity, 1 relu, 2 sigmoid
    private final int[] sizes;      // nIn of layer 0, then nOut of each layer
    private final double[][] buf;   // activations per layer boundary

    MlpSnapshot(MultiLayerNetwork net) {
        int n = net.getnLayers();
        w = new float[n][];
        b = new float[n][];
        act = new int[n];
        sizes = new int[n + 1];
        buf = new double[n + 1][];
        for (int l = 0; l < n; l++) {
            DenseLayer conf = (DenseLayer) net.getLayer(l).conf().getLayer();
            int nIn = (int) conf.getNIn();
            int nOut = (int) conf.getNOut();
            sizes[l] = nIn;
            sizes[l + 1] = nOut;
            w[l] = net.getLayer(l).getParam("W").dup('c').data().asFloat(); // [nIn, nOut] row-major
            b[l] = net.getLayer(l).getParam("b").dup('c').data().asFloat();
            act[l] = code(conf.getActivationFn());
        }
        for (int l = 0; l <= n; l++) buf[l] = new double[sizes[l]];
    }

    private static int code(IActivation a) {
        if (a instanceof ActivationIdentity) return 0;
        if (a instanceof ActivationReLU) return 1;
        if (a instanceof ActivationSigmoid) return 2;
        throw new IllegalArgumentException("snapshot supports identity, relu and sigmoid layers, found " + a);
    }

    /** Writes the network's output for {@code x} into {@code out}. */
    void forward(double[] x, double[] out) {
        System.arraycopy(x, 0, buf[0], 0, sizes[0]);
        for (int l = 0; l < w.length; l++) {
            double[] in = buf[l];
            double[] o = l == w.length - 1 ? out : buf[l + 1];
            int nIn = sizes[l];
            int nOut = sizes[l + 1];
            float[] wl = w[l];
            for (int j = 0; j < nOut; j++) o[j] = b[l][j];
            for (int i = 0; i < nIn; i++) {
                double xi = in[i];
                if (xi == 0) continue;
                int row = i * nOut;
                for (int j = 0; j < nOut; j++) o[j] += xi * wl[row + j];
            }
            for (int j = 0; j < nOut; j++) o[j] = activate(act[l], o[j]);
        }
    }

    private static double activate(int code, double v) {
        return switch (code) {
            case 1 -> Math.max(0, v);
            case 2 -> 1.0 / (1.0 + Math.exp(-v));
            default -> v;
        };
    }
}
