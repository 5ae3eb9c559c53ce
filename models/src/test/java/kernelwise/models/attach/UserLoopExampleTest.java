package kernelwise.models.attach;

import kernelwise.models.compress.Accuracy;
import kernelwise.models.compress.FastPlanScorer;
import kernelwise.models.compress.NetworkSpecs;
import kernelwise.models.compress.QuantizedCopy;
import kernelwise.models.export.KwFile;
import kernelwise.models.plan.CompressionPlan;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserLoopExampleTest {

    private static final String BEGIN = "// README example: begin";
    private static final String END = "// README example: end";

    @TempDir
    Path dir;

    @Test
    void givenATrainedModelAndASearchedPlanOnDisk_whenTheReadmeExampleRuns_thenItWritesAKwFileThatScoresAsItsEvaluation() throws IOException {
        DataSet train = Nets.images(1024, 21), test = Nets.images(400, 22);
        MultiLayerNetwork trained = Nets.mlp(21);
        trained.fit(Nets.batches(train, 32), 3);
        Path zip = dir.resolve("my-model.zip"), plan = dir.resolve("best-plan.json"), kw = dir.resolve("my-model.kw");
        trained.save(zip.toFile(), true);
        CompressionPlan.uniform(NetworkSpecs.of(trained), 4, 8, 0.5).write(plan);

        double accuracy = UserLoopExample.run(zip, plan, Nets.batches(train, 32), Nets.batches(test, 100), kw);

        KwFile.Packed packed = KwFile.read(kw);
        QuantizedCopy copy = QuantizedCopy.of(packed.network());
        copy.setActivationQuant(packed.ranges().quants(packed.plan()));
        assertEquals(accuracy, new Accuracy(test, FastPlanScorer.DEFAULT_BATCH).of(copy), 1e-9, "the .kw file scores as the attached network did");
        assertTrue(accuracy > 0.6, "the plan holds the learnt signal: " + accuracy);
    }

    @Test
    void givenTheReadme_whenItsUserLoopSnippetIsRead_thenItIsTheExampleThatRuns() throws IOException {
        String source = Files.readString(Path.of("src/test/java/kernelwise/models/attach/UserLoopExample.java"));
        String readme = Files.readString(Path.of("../README.md"));

        assertTrue(readme.contains("```java\n" + region(source) + "```\n"), "README's user-loop snippet differs from UserLoopExample.java's marked region:\n" + region(source));
    }

    /** The marked lines, de-indented by the first line's indentation. */
    static String region(String source) {
        String body = source.substring(source.indexOf(BEGIN), source.indexOf(END));
        String[] lines = body.substring(body.indexOf('\n') + 1).split("\n", -1);
        int indent = lines[0].length() - lines[0].stripLeading().length();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length - 1; i++) out.append(lines[i].length() >= indent ? lines[i].substring(indent) : lines[i].strip()).append('\n');
        return out.toString();
    }
}
