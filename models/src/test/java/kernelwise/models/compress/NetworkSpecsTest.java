package kernelwise.models.compress;

import kernelwise.models.plan.LayerInfo;
import kernelwise.models.plan.LayerKind;
import kernelwise.models.plan.NetworkSpec;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NetworkSpecsTest {

    @Test
    void givenLenetLikeNetwork_whenSpecRead_thenShapesFollowTheInputType() {
        NetworkSpec spec = NetworkSpecs.of(TestData.lenet(1));
        assertEquals(4, spec.size());
        assertEquals(new LayerInfo(0, "0", LayerKind.CONV, 6, 25, 1, 5, 5, 1, 28, 28, 24, 24), spec.layer(0));
        assertEquals(new LayerInfo(1, "conv2", LayerKind.CONV, 8, 150, 6, 5, 5, 1, 12, 12, 8, 8), spec.layer(1));
        assertEquals(new LayerInfo(2, "4", LayerKind.DENSE, 32, 128, 128, 1, 1, 1, 1, 1, 1, 1), spec.layer(2));
        assertEquals(new LayerInfo(3, "5", LayerKind.OUTPUT, 10, 32, 32, 1, 1, 1, 1, 1, 1, 1), spec.layer(3));
    }

    @Test
    void givenMlp_whenSpecRead_thenDenseAndOutputLayers() {
        NetworkSpec spec = NetworkSpecs.of(TestData.mlp(1));
        assertEquals("0:DENSE:64x784|1:OUTPUT:10x64", spec.fingerprint());
    }

    @Test
    void givenResidualGraph_whenSpecRead_thenVertexNamesAndSameModeMaps() {
        NetworkSpec spec = NetworkSpecs.of(TestData.residual(1));
        assertEquals("stem:CONV:8x9|b1_conv1:CONV:8x72|b1_conv2:CONV:8x72|out:OUTPUT:10x8", spec.fingerprint());
        assertEquals(new LayerInfo(0, "stem", LayerKind.CONV, 8, 9, 1, 3, 3, 2, 28, 28, 14, 14), spec.layer(0));
        assertEquals(14, spec.layer(2).inH());
        assertEquals(14, spec.layer(2).outW());
    }
}
