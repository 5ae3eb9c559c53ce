package kernelwise.env.bench;

import kernelwise.env.CompressionEnv;
import kernelwise.env.EnvConfig;
import kernelwise.env.Level;
import kernelwise.env.StepResult;
import kernelwise.env.budget.Budget;
import kernelwise.models.Folders;
import kernelwise.models.data.Batches;
import kernelwise.models.data.DataSplits;
import kernelwise.models.data.Datasets;
import kernelwise.models.zoo.ModelZoo;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Measurement (not a test): wall time of a LeNet-5 episode (random actions, bitfusion, latency=0.4, one scorer)
 * split into agent-free env work (steps, observations, projection, cost) and scoring, for 500 and 5,000
 * search-validation images. Uses a zoo LeNet-5 trained one pass over 2,048 images. Writes
 * results/bench/env-episode-split.csv.
 */
public final class EpisodeSplit {

    private EpisodeSplit() {
    }

    public static void main(String[] args) throws Exception {
        DataSplits mnist = Datasets.load("mnist", Folders.data());
        MultiLayerNetwork net = (MultiLayerNetwork) ModelZoo.create("lenet5", 7);
        net.fit(Batches.shuffled(Datasets.first(mnist.train(), 2048), 64, 7));
        List<String> csv = new ArrayList<>(List.of("eval_images,episodes,episode_s,env_s,scoring_s"));
        int episodes = 5;
        for (int images : new int[]{500, 5000}) {
            EnvConfig cfg = EnvConfig.defaults().withBudget(Budget.parse("latency=0.4")).withScoring(1, images, 1000);
            try (CompressionEnv env = CompressionEnv.create(net, mnist, cfg, cfg.hardwareModel())) {
                SplittableRandom rnd = new SplittableRandom(3);
                double wall = 0, score = 0;
                for (int e = 0; e <= episodes; e++) {
                    long t0 = System.nanoTime();
                    env.reset();
                    StepResult r;
                    do {
                        r = env.step(rnd.doubles(env.level() == Level.HIGH ? 3 : 2).toArray());
                    } while (!r.done());
                    if (e == 0) continue;  // warm-up
                    wall += (System.nanoTime() - t0) / 1e9;
                    score += r.result().scoreSeconds();
                }
                String row = String.format(Locale.ROOT, "%d,%d,%.3f,%.3f,%.3f", images, episodes, wall / episodes, (wall - score) / episodes, score / episodes);
                csv.add(row);
                System.out.println(row);
            }
        }
        Path out = Folders.results().resolve("bench/env-episode-split.csv");
        Files.createDirectories(out.getParent());
        Files.write(out, csv);
        System.out.println("written " + out);
    }
}
