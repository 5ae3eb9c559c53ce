package kernelwise.models.attach;

import kernelwise.models.plan.CompressionPlan;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The README's Java example of the user-loop route, compiled and run by {@link UserLoopExampleTest}; the region
 * between the markers is the README's snippet, character for character.
 */
final class UserLoopExample {

    private UserLoopExample() {
    }

    /** Runs the example; returns the test accuracy its own evaluation printed. */
    static double run(Path modelZip, Path planJson, DataSetIterator train, DataSetIterator test, Path kwFile) throws IOException {
        // README example: begin
        MultiLayerNetwork net = MultiLayerNetwork.load(modelZip.toFile(), true);  // your trained DL4J model
        CompressionPlan plan = CompressionPlan.read(planJson);                     // e.g. results/<run>/best-plan.json from search
        PlanAttachment attachment = PlanAttachment.attach(net, plan, train);       // prunes now; calibrates activation ranges on train
        net.fit(train, 1);                                                         // your own loop: listeners, schedules, early stopping
        long bytes = attachment.writeKw(kwFile);                                   // the packed model, read by evaluate --model FILE.kw
        Evaluation eval = net.evaluate(test);                                      // runs the plan: quantized weights and activations
        System.out.printf("test accuracy %.2f%%, %,d bytes%n", 100 * eval.accuracy(), bytes);
        attachment.detach();                                                       // a plain network again (latent float weights)
        // README example: end
        return eval.accuracy();
    }
}
