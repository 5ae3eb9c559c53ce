package kernelwise.search.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kernelwise.models.Folders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's "Your own model and data" commands, run as a user would: data of one's own (generated images, a
 * tabular CSV, the real digits set, a Keras model), a network given as a file, then search a few episodes, export the
 * best plan, fine-tune one epoch into it and evaluate the packed file.
 */
class OwnDataEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Path KERAS = Path.of("../models/src/test/resources/keras/tabular-mlp.h5").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @BeforeEach
    void results() {
        System.setProperty("kernelwise.results", dir.resolve("results").toString());
    }

    @AfterEach
    void clear() {
        System.clearProperty("kernelwise.results");
    }

    static CliRun ok(String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(ExitCode.OK, r.code(), String.join(" ", args) + " -> " + r.err());
        return r;
    }

    private static JsonNode json(String... args) throws Exception {
        return JSON.readTree(ok(args).out());
    }

    /** The --data spec {@code data generate} printed for {@code format}. */
    private static String spec(CliRun generated, String format) {
        return generated.out().lines().map(String::strip).filter(l -> l.startsWith("--data " + format + ":")).findFirst()
                .orElseThrow().substring("--data ".length());
    }

    /**
     * search -> export -> finetune -> evaluate on {@code model} and {@code data}: the packed file of the best plan reads
     * back as finetune measured it. A few episodes find no good plan, so the figure returned is that of a plan the
     * network can keep: uniform 4-bit weights at 50% sparsity, fine-tuned one epoch, packed and evaluated.
     */
    private double searchExportFinetuneEvaluate(String model, String data, String run) throws Exception {
        ok("search", "--model", model, "--data", data, "--episodes", "3", "--eval-images", "100", "--run", run);
        Path plan = dir.resolve(run + "-plan.json");
        ok("export", run, "--best", "--out", plan.toString());
        double best = finetuneEvaluate(model, data, plan, dir.resolve(run + ".kw"));
        assertTrue(best >= 0 && best <= 1, "accuracy of the best plan's packed file: " + best);
        Path w4 = dir.resolve(run + "-w4.json");
        ok("plan", "uniform", "--model", model, "--weight-bits", "4", "--sparsity", "0.5", "--out", w4.toString());
        return finetuneEvaluate(model, data, w4, dir.resolve(run + "-w4.kw"));
    }

    private double finetuneEvaluate(String model, String data, Path plan, Path kw) throws Exception {
        JsonNode tuned = json("finetune", "--model", model, "--data", data, "--plan", plan.toString(), "--epochs", "1",
                "--out", kw.toString(), "--json");
        JsonNode eval = json("evaluate", "--model", kw.toString(), "--data", data, "--json");
        assertEquals(tuned.get("planTestAccuracyAfter").asDouble(), eval.get("testAccuracy").asDouble(), 1e-9,
                "evaluate reads back what finetune wrote");
        return eval.get("testAccuracy").asDouble();
    }

    @Test
    void givenGeneratedColourImagesAndAConvNetZip_whenSearchedExportedFinetunedEvaluated_thenThePackedNetStillClassifies() throws Exception {
        CliRun gen = ok("data", "generate", "images", "--n", "600", "--out", dir.resolve("demo").toString());
        String data = spec(gen, "npy");
        JsonNode card = json("train", "--model", "lenet5", "--data", data, "--epochs", "2", "--json");
        assertTrue(card.get("testAccuracy").asDouble() > 0.8, "lenet5 learns the 4 image classes: " + card);
        String zip = card.get("path").asText();
        assertTrue(ok("models", "inspect", zip, "--data", data).out().contains("conv1"));
        double acc = searchExportFinetuneEvaluate(zip, data, "images-demo");
        assertTrue(acc > 0.6, "packed lenet5 on 4 classes: " + acc);
        JsonNode idx = json("evaluate", "--model", dir.resolve("images-demo-w4.kw").toString(), "--data", spec(gen, "idx"), "--json");
        assertTrue(idx.get("testAccuracy").asDouble() > 0.6, "the same images read from IDX bytes: " + idx);
    }

    @Test
    void givenATabularCsvAndAnMlp_whenSearchedExportedFinetunedEvaluated_thenThePackedMlpStillClassifies() throws Exception {
        CliRun gen = ok("data", "generate", "tabular", "--n", "600", "--out", dir.resolve("demo").toString());
        String data = spec(gen, "csv");
        JsonNode card = json("train", "--model", "lenet300", "--data", data, "--epochs", "3", "--json");
        assertTrue(card.get("testAccuracy").asDouble() > 0.8, "lenet300 on the 3 tabular classes: " + card);
        double acc = searchExportFinetuneEvaluate(card.get("path").asText(), data, "tabular-demo");
        assertTrue(acc > 0.7, "packed MLP on 3 classes: " + acc);
    }

    @Test
    void givenAKerasH5Model_whenSearchedExportedFinetunedEvaluated_thenItsBatchNormIsKeptInFloatAndItStillClassifies() throws Exception {
        CliRun gen = ok("data", "generate", "tabular", "--n", "600", "--out", dir.resolve("demo").toString());
        String data = spec(gen, "csv");
        String inspect = ok("models", "inspect", KERAS.toString(), "--data", data).out();
        assertTrue(inspect.contains("batch_normalization") && inspect.contains("no, float") && inspect.contains("2 of 4 layers compressed"), inspect);
        double acc = searchExportFinetuneEvaluate(KERAS.toString(), data, "keras-demo");
        assertTrue(acc > 0.7, "packed Keras MLP on 3 classes: " + acc);
    }

    @Test
    void givenTheRealDigitsSet_whenSearchedExportedFinetunedEvaluated_thenThePackedMlpStillReadsDigits() throws Exception {
        Path csv = Folders.data().resolve("digits/digits.csv.gz");
        assertTrue(Files.isRegularFile(csv), "digits is fetched by scripts/test.sh ('./kernelwise data fetch digits'): " + csv);
        JsonNode card = json("train", "--model", "lenet300", "--data", "digits", "--epochs", "6", "--json");
        assertTrue(card.get("testAccuracy").asDouble() > 0.85, "lenet300 on 8x8 digits: " + card);
        double acc = searchExportFinetuneEvaluate(card.get("path").asText(), "digits", "digits-demo");
        assertTrue(acc > 0.6, "packed MLP on digits: " + acc);
    }

    @Test
    void givenBadInput_whenSearched_thenOneLineWithItsExitCodeAndNoRunStarts() throws Exception {
        CliRun gen = ok("data", "generate", "images", "--n", "40", "--out", dir.resolve("demo").toString());
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "a,b,label\n1,2,0\n3,x,1\n");
        Path mlp = dir.resolve("mlp.zip");
        kernelwise.models.zoo.Models.save(kernelwise.models.zoo.ModelZoo.create("lenet300", 1), mlp);
        expect(ExitCode.REFUSED, csv + ": row 3 column 2: expected a number, found 'x'", "--model", mlp.toString(), "--data", "csv:" + csv);
        expect(ExitCode.REFUSED, "model " + mlp + " takes feedForward(784 features), the data images has examples of shape 3x32x32",
                "--model", mlp.toString(), "--data", spec(gen, "npy"));
        expect(ExitCode.USAGE, "unknown data option 'colour'", "--model", mlp.toString(), "--data", "csv:" + csv + ",colour=red");
        expect(ExitCode.NOT_FOUND, dir.resolve("none.csv").toString(), "--model", mlp.toString(), "--data", "csv:" + dir.resolve("none.csv"));
        assertEquals(0, JSON.readTree(CliRun.of("runs", "--json").out()).get("runs").size(), "no run was started");
    }

    private static void expect(int code, String message, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "search";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--episodes";
        all[args.length + 2] = "2";
        CliRun r = CliRun.of(all);
        assertEquals(code, r.code(), r.err());
        assertTrue(r.oneLineError() && r.err().contains(message), r.err());
    }
}
