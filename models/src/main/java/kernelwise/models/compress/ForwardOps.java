package kernelwise.models.compress;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Broadcast;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The operations of {@link FastForward}: each maps its input arrays to one output array, NCHW layout. */
final class ForwardOps {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ForwardOps.class);
    private static final java.util.Set<String> WARNED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private ForwardOps() {
    }

    /** One step of the forward pass. */
    interface Op {
        INDArray apply(INDArray[] in);
    }

    /**
     * Per-channel affine map {@code x * scale + shift} (channel = dimension 1): inference batch norm. Like DL4J
     * 1.0.0-M1.1, which ignores a BatchNormalization layer's configured activation, it applies none.
     */
    record Affine(INDArray scale, INDArray shift) implements Op {
        static Affine of(Layer bn) {
            INDArray[] ss = batchNorm(bn);
            return new Affine(ss[0], ss[1]);
        }

        @Override
        public INDArray apply(INDArray[] in) {
            INDArray x = in[0].dup();
            Broadcast.mul(x, scale, x, 1);
            Broadcast.add(x, shift, x, 1);
            return x;
        }
    }

    /**
     * A batch-norm layer's inference map as {@code [scale, shift]} per channel. DL4J M1.1 applies no activation
     * after batch norm whatever is configured (measured: a RELU and an IDENTITY batch norm give identical
     * outputs); a warning is logged once per layer name so that the model's author knows.
     */
    static INDArray[] batchNorm(Layer bn) {
        BatchNormalization conf = (BatchNormalization) bn.conf().getLayer();
        if (!(conf.getActivationFn() instanceof org.nd4j.linalg.activations.impl.ActivationIdentity) && WARNED.add(conf.getLayerName())) {
            LOG.warn("batch norm layer '{}' is configured with activation {}, which DL4J 1.0.0-M1.1 ignores; so does the direct forward pass"
                    + " (use an ActivationLayer after it for a real non-linearity)", conf.getLayerName(), conf.getActivationFn());
        }
        INDArray mean = bn.getParam("mean").reshape(-1);
        INDArray var;
        if (conf.isUseLogStd()) {
            INDArray std = Transforms.pow(Nd4j.valueArrayOf(mean.shape(), 10.0, mean.dataType()), bn.getParam("log10stdev").reshape(-1), false);
            var = std.muli(std);
        } else {
            var = bn.getParam("var").reshape(-1).dup();
        }
        INDArray gamma = conf.isLockGammaBeta() ? Nd4j.valueArrayOf(mean.shape(), conf.getGamma(), mean.dataType()) : bn.getParam("gamma").reshape(-1);
        INDArray beta = conf.isLockGammaBeta() ? Nd4j.valueArrayOf(mean.shape(), conf.getBeta(), mean.dataType()) : bn.getParam("beta").reshape(-1);
        INDArray scale = gamma.div(Transforms.sqrt(var.addi(conf.getEps()), false));
        INDArray shift = beta.sub(mean.mul(scale));
        return new INDArray[]{scale, shift};
    }

    record Activation(IActivation fn) implements Op {
        @Override
        public INDArray apply(INDArray[] in) {
            return fn.getActivation(in[0].dup(), false);
        }
    }

    record Reshape(long[] shapeAfterBatch) implements Op {
        @Override
        public INDArray apply(INDArray[] in) {
            long[] shape = new long[shapeAfterBatch.length + 1];
            shape[0] = in[0].size(0);
            System.arraycopy(shapeAfterBatch, 0, shape, 1, shapeAfterBatch.length);
            INDArray x = in[0].ordering() == 'c' && in[0].elementWiseStride() == 1 ? in[0] : in[0].dup('c');
            return x.reshape('c', shape);
        }
    }

    record Add() implements Op {
        @Override
        public INDArray apply(INDArray[] in) {
            INDArray sum = in[0].add(in[1]);
            for (int i = 2; i < in.length; i++) sum.addi(in[i]);
            return sum;
        }
    }

    record GlobalPool(PoolingType type) implements Op {
        @Override
        public INDArray apply(INDArray[] in) {
            return type == PoolingType.MAX ? in[0].max(2, 3) : in[0].mean(2, 3);
        }
    }

    /** 2-D max or (unpadded) average pooling through libnd4j's pooling ops. */
    record Pool(String opName, int[] args) implements Op {
        static Pool of(SubsamplingLayer conf) {
            int[] k = conf.getKernelSize(), s = conf.getStride(), p = conf.getPadding(), d = conf.getDilation();
            boolean same = conf.getConvolutionMode() == ConvolutionMode.Same;
            String name = conf.getPoolingType() == PoolingType.MAX ? "maxpool2d" : "avgpool2d";
            return new Pool(name, new int[]{k[0], k[1], s[0], s[1], p[0], p[1], d[0], d[1], same ? 1 : 0, 0, 0});
        }

        @Override
        public INDArray apply(INDArray[] in) {
            return Nd4j.exec(DynamicCustomOp.builder(opName).addInputs(in[0]).addIntegerArguments(args).build())[0];
        }
    }

    /** Whether {@link Pool} reproduces this subsampling layer. */
    static boolean poolSupported(SubsamplingLayer conf) {
        boolean padded = conf.getPadding()[0] != 0 || conf.getPadding()[1] != 0 || conf.getConvolutionMode() == ConvolutionMode.Same;
        return conf.getPoolingType() == PoolingType.MAX || (conf.getPoolingType() == PoolingType.AVG && !padded);
    }

    /** The libnd4j conv2d integer arguments of a DL4J conv layer (NCHW, weights [oC, iC, kH, kW]). */
    static int[] convArgs(ConvolutionLayer conf) {
        int[] k = conf.getKernelSize(), s = conf.getStride(), p = conf.getPadding(), d = conf.getDilation();
        boolean same = conf.getConvolutionMode() == ConvolutionMode.Same;
        return new int[]{k[0], k[1], s[0], s[1], p[0], p[1], d[0], d[1], same ? 1 : 0, 0, 1};
    }
}
