package kernelwise.scratch;

import kernelwise.models.bench.EvalBench;
import kernelwise.models.compress.NetworkSpecs;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.zoo.ModelZoo;
import org.deeplearning4j.nn.api.Model;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class ScratchBench {
    @Test
    void bench() {
        Model net = ModelZoo.create("lenet5", 1);
        DataSet eval = new DataSet(Nd4j.rand(DataType.FLOAT, 5000, 784), Nd4j.eye(10).repeat(0, 500).castTo(DataType.FLOAT));
        CompressionPlan plan = CompressionPlan.uniform(NetworkSpecs.of(net), 4, 8, 0.5);
        for (int bs : new int[]{Integer.getInteger("bs", 500)}) {
            EvalBench.Result r = EvalBench.run("lenet5", net, eval, eval, plan, bs, 3);
            System.out.printf("bs %d: %.0f img/s, %.1f GFLOP/s, matched gemm %.1f GFLOP/s ratio %.2f; square %.1f ratio %.2f; dl4j %.2fs ratio %.2f%n", bs,
                    r.imagesPerSecond(), r.achievedGflops(), r.matchedGemmGflops(), r.ratio(), r.squareGemmGflops(), r.ratioToSquareGemm(), r.dl4jSeconds(), r.dl4jRatio());
        }
    }
}
