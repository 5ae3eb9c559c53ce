package demo;

import kernelwise.models.attach.PlanAttachment;
import kernelwise.models.export.KwFile;
import kernelwise.models.plan.CompressionPlan;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.nio.file.Path;

/**
 * A user's own project depending on kernelwise-models from the local Maven repository (scripts/check-user-project.sh):
 * attach a plan to a stored network, fit it on a batch of the user's data (random here: this checks linking, not
 * accuracy), write the packed .kw file and read it back. Arguments: MODEL.zip PLAN.json OUT.kw
 */
public class Main {
    public static void main(String[] args) throws Exception {
        MultiLayerNetwork net = MultiLayerNetwork.load(Path.of(args[0]).toFile(), true);
        CompressionPlan plan = CompressionPlan.read(Path.of(args[1]));
        Nd4j.getRandom().setSeed(1);
        long inputs = 784;                                   // flat 28x28 images, as the zoo's MNIST models read them
        DataSet batch = new DataSet(Nd4j.rand(DataType.FLOAT, 64, inputs),
                Nd4j.eye(10).castTo(DataType.FLOAT).repeat(0, 7).get(NDArrayIndex.interval(0, 64), NDArrayIndex.all()));
        PlanAttachment attachment = PlanAttachment.attach(net, plan, batch);
        net.fit(batch);
        long bytes = attachment.writeKw(Path.of(args[2]));
        attachment.detach();
        System.out.println("user project: wrote " + args[2] + " (" + bytes + " bytes), read back a plan of "
                + KwFile.read(Path.of(args[2])).plan().size() + " layers");
    }
}
