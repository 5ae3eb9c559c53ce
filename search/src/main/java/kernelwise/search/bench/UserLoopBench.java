package kernelwise.search.bench;

import kernelwise.models.Networks;
import kernelwise.models.attach.PlanAttachment;
import kernelwise.models.data.Batches;
import kernelwise.models.data.DataSplits;
import kernelwise.models.plan.CompressionPlan;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The user-loop route against our own loop: for every plan and seed, the same float network is trained into the same
 * plan for the same epochs on the same minibatches, once by {@code finetune --method qat} ({@link FinetuneRecipe}, which
 * runs {@link kernelwise.models.finetune.Finetuning#run}) and once as a DL4J user would: {@link PlanAttachment#attach},
 * then the network's own {@code fit(iterator)} once per epoch with the learning rate set before each epoch to the same
 * geometric decay {@code qat}'s retraining uses, then {@link PlanAttachment#writeKw}. Both files are read back and
 * measured on the whole test split the same way ({@link FinetuneRecipe#testAccuracy}).
 */
public final class UserLoopBench {

    /** The route of our own fine-tuning loop. */
    public static final String FINETUNE = "finetune --method qat";
    /** The route of a plan attached to the network and the network's own fit. */
    public static final String ATTACH = "attach + user fit";

    /**
     * What the table is made with.
     *
     * @param plans  plan name -> plan file, in order
     * @param recipe     the fine-tuning both routes share (method qat; its epochs plus retraining epochs are the user loop's epochs)
     * @param testImages images of the test split the files are measured on (all of it)
     */
    public record Settings(String model, String dataset, Map<String, String> plans, List<Long> seeds, FinetuneRecipe recipe, int testImages) {
        public Settings {
            if (!recipe.method().equals("qat")) throw new IllegalArgumentException("method must be qat (the route compared with the user loop), found '" + recipe.method() + "'");
            if (plans.isEmpty()) throw new IllegalArgumentException("plans must not be empty");
            if (seeds.isEmpty()) throw new IllegalArgumentException("seeds must not be empty");
            plans = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(plans));
            seeds = List.copyOf(seeds);
        }

        /** Epochs of training on either route. */
        public int epochs() {
            return recipe.epochs() + recipe.retrainEpochs();
        }
    }

    /** One route's result for one plan and seed: the test accuracy of its {@code .kw} file read back. */
    public record Row(String plan, long seed, String route, double testAccuracy, long kwBytes, double seconds) {
    }

    private final Settings settings;
    private final Model teacher;
    private final DataSplits data;
    private final Path kwDir;

    /** Compares the routes for {@code teacher} (not modified) on {@code data}, writing the {@code .kw} files into {@code kwDir}. */
    public UserLoopBench(Settings settings, Model teacher, DataSplits data, Path kwDir) {
        this.settings = settings;
        this.teacher = teacher;
        this.data = data;
        this.kwDir = kwDir;
    }

    /** Runs every plan, seed and route not in {@code done}; each new row goes to {@code onRow}; returns all rows. */
    public List<Row> run(Map<String, CompressionPlan> plans, List<Row> done, Consumer<List<Row>> onRow) throws IOException {
        List<Row> rows = new ArrayList<>(done);
        for (Map.Entry<String, CompressionPlan> p : plans.entrySet()) {
            for (long seed : settings.seeds()) {
                for (String route : List.of(FINETUNE, ATTACH)) {
                    if (rows.stream().anyMatch(r -> r.plan().equals(p.getKey()) && r.seed() == seed && r.route().equals(route))) continue;
                    rows.add(route.equals(FINETUNE) ? finetune(p.getKey(), p.getValue(), seed) : attach(p.getKey(), p.getValue(), seed));
                    onRow.accept(List.copyOf(rows));
                }
            }
        }
        return rows;
    }

    private Row finetune(String name, CompressionPlan plan, long seed) throws IOException {
        FinetuneRecipe.Result r = settings.recipe().withSeed(seed).run(teacher, data, plan, kw(name, seed, "finetune"));
        return new Row(name, seed, FINETUNE, r.accuracy(), r.kwBytes(), r.seconds());
    }

    /** The user's route: the code a DL4J user writes around their own network and data (see the README's Java example). */
    private Row attach(String name, CompressionPlan plan, long seed) throws IOException {
        FinetuneRecipe recipe = settings.recipe();
        Model net = Networks.copy(teacher);
        DataSet train = (DataSet) data.train().getRange(0, Math.min(recipe.trainImages(), data.train().numExamples()));
        Batches batches = Batches.shuffled(train, recipe.batch(), seed);
        long start = System.nanoTime();
        PlanAttachment attachment = PlanAttachment.attach(net, plan, data.train());
        int epochs = settings.epochs();
        for (int e = 0; e < epochs; e++) {
            double decay = epochs < 2 ? 1 : Math.pow(kernelwise.models.finetune.Retraining.FINAL_LR_FACTOR, e / (double) (epochs - 1));
            Networks.setLearningRate(net, recipe.learningRate() * decay);
            batches.reset();                       // a new shuffle each epoch, the same passes as qat's trainer draws
            if (net instanceof MultiLayerNetwork m) m.fit(batches);
            else ((ComputationGraph) net).fit(batches);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Path file = kw(name, seed, "attach");
        long bytes = attachment.writeKw(file, Map.of("route", "attach", "plan", name, "seed", seed));
        attachment.detach();
        return new Row(name, seed, ATTACH, FinetuneRecipe.testAccuracy(file, data.test()), bytes, seconds);
    }

    private Path kw(String plan, long seed, String route) {
        return kwDir.resolve(plan + "-s" + seed + "-" + route + ".kw");
    }
}
