package kernelwise.scratch;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.*;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.junit.jupiter.api.Test;

class ScratchBench {
    static MultiLayerNetwork lenet5() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).weightInit(WeightInit.RELU).activation(Activation.RELU).list()
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(20).stride(1, 1).name("conv1").build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).name("pool1").build())
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(50).stride(1, 1).name("conv2").build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).name("pool2").build())
                .layer(new DenseLayer.Builder().nOut(500).name("fc1").build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.NEGATIVELOGLIKELIHOOD).nOut(10).activation(Activation.SOFTMAX).name("out").build())
                .setInputType(InputType.convolutionalFlat(28, 28, 1)).build();
        MultiLayerNetwork n = new MultiLayerNetwork(conf); n.init(); return n;
    }

    static INDArray conv(INDArray x, INDArray w, INDArray b, int k) {
        long n = x.size(0), oc = w.size(0), oh = x.size(2) - k + 1;
        INDArray out = Nd4j.createUninitialized(DataType.FLOAT, n, oc, oh, oh);
        Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(x, w, b).addOutputs(out)
                .addIntegerArguments(k, k, 1, 1, 0, 0, 1, 1, 0, 0, 1).build());
        return Transforms.relu(out, false);
    }
    static INDArray pool(INDArray x) {
        long n = x.size(0), c = x.size(1), oh = x.size(2) / 2;
        INDArray out = Nd4j.createUninitialized(DataType.FLOAT, n, c, oh, oh);
        Nd4j.exec(DynamicCustomOp.builder("maxpool2d").addInputs(x).addOutputs(out)
                .addIntegerArguments(2, 2, 2, 2, 0, 0, 1, 1, 0, 0, 0).build());
        return out;
    }

    @Test
    void bench() {
        MultiLayerNetwork net = lenet5();
        int total = 5000;
        INDArray data = Nd4j.rand(DataType.FLOAT, total, 784);
        for (int bs : new int[]{250, 1000, 5000}) {
            for (int rep = 0; rep < 3; rep++) {
                long t = System.nanoTime();
                for (int i = 0; i < total; i += bs) net.output(data.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(i, i + bs), org.nd4j.linalg.indexing.NDArrayIndex.all()), false);
                System.out.printf("dl4j bs=%d %.3fs%n", bs, (System.nanoTime() - t) / 1e9);
            }
        }
        INDArray w1 = net.getLayer(0).getParam("W"), b1 = net.getLayer(0).getParam("b").reshape(20);
        INDArray w2 = net.getLayer(2).getParam("W"), b2 = net.getLayer(2).getParam("b").reshape(50);
        INDArray w3 = net.getLayer(4).getParam("W"), b3 = net.getLayer(4).getParam("b");
        INDArray w4 = net.getLayer(5).getParam("W"), b4 = net.getLayer(5).getParam("b");
        for (int bs : new int[]{100, 250, 500, 1000}) {
            for (int rep = 0; rep < 3; rep++) {
                long[] tl = new long[4];
                long t = System.nanoTime();
                for (int i = 0; i < total; i += bs) {
                    INDArray x = data.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(i, i + bs), org.nd4j.linalg.indexing.NDArrayIndex.all()).reshape('c', bs, 1, 28, 28);
                    long a = System.nanoTime();
                    INDArray h = pool(conv(x, w1, b1, 5));
                    long b = System.nanoTime(); tl[0] += b - a;
                    h = pool(conv(h, w2, b2, 5));
                    long c = System.nanoTime(); tl[1] += c - b;
                    h = Transforms.relu(h.reshape('c', bs, 800).mmul(w3).addiRowVector(b3), false);
                    long d = System.nanoTime(); tl[2] += d - c;
                    INDArray o = h.mmul(w4).addiRowVector(b4);
                    o.argMax(1);
                    tl[3] += System.nanoTime() - d;
                }
                System.out.printf("ops bs=%d %.3fs conv1 %.3f conv2 %.3f fc1 %.3f out %.3f%n", bs, (System.nanoTime() - t) / 1e9, tl[0]/1e9, tl[1]/1e9, tl[2]/1e9, tl[3]/1e9);
            }
        }
        // GEMMs alone for bs=500
        int bs = 500;
        INDArray[][] g = {
                {Nd4j.rand(DataType.FLOAT, bs * 576, 25), Nd4j.rand(DataType.FLOAT, 25, 20)},
                {Nd4j.rand(DataType.FLOAT, bs * 64, 500), Nd4j.rand(DataType.FLOAT, 500, 50)},
                {Nd4j.rand(DataType.FLOAT, bs, 800), Nd4j.rand(DataType.FLOAT, 800, 500)},
                {Nd4j.rand(DataType.FLOAT, bs, 500), Nd4j.rand(DataType.FLOAT, 500, 10)},
                {Nd4j.rand(DataType.FLOAT, 1024, 1024), Nd4j.rand(DataType.FLOAT, 1024, 1024)}};
        for (INDArray[] p : g) {
            INDArray out = Nd4j.createUninitialized(DataType.FLOAT, p[0].size(0), p[1].size(1));
            for (int rep = 0; rep < 3; rep++) {
                long t = System.nanoTime();
                int reps = 10;
                for (int r = 0; r < reps; r++) p[0].mmul(p[1], out);
                double s = (System.nanoTime() - t) / 1e9 / reps;
                System.out.printf("gemm %s x %s: %.4fs %.1f GFLOP/s%n", java.util.Arrays.toString(p[0].shape()), java.util.Arrays.toString(p[1].shape()), s, 2.0 * p[0].size(0) * p[0].size(1) * p[1].size(1) / s / 1e9);
            }
        }
    }
}
