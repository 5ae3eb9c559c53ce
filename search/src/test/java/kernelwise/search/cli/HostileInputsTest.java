package kernelwise.search.cli;

import kernelwise.models.compress.NetworkSpecs;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.zoo.Models;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14's catalogue: hostile but fair command lines, one per row (name, exit code, a fragment of the one error line,
 * the arguments), over every verb. Each must exit with the code the README documents, print one error line naming the
 * problem or value, and leave every file of the test folder (stores, a damaged store, plans, models, a zoo model, a
 * committed bench table, run folders) byte-identical, with nothing added. Searches run over the toy environment; no
 * case trains or loads a real network.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputsTest {
    static final int USAGE = ExitCode.USAGE, NOT_FOUND = ExitCode.NOT_FOUND, REFUSED = ExitCode.REFUSED;

    @TempDir
    static Path dir;

    /** One hostile command line and what it must give. */
    record Case(String name, int code, String message, String... args) {
    }

    private final List<Case> cases = new ArrayList<>();
    private String results, store, other, copy, cut, link, plan, model, mlp, packed, zoo, table, sub, gen;
    private String fifo;
    private String nullPlan, nullLayer, fracPlan, binary, empty, hwJson, missing;

    @BeforeAll
    void storesPlansModelsAndDamagedFiles() throws Exception {
        results = p("results");
        System.setProperty("kernelwise.results", results);
        store = p("runs.db");
        other = p("other.db");
        search(store, "r1", "6");
        search(store, "r2", "4");
        search(other, "o1", "3");
        plan = p("plan.json");
        assertEquals(0, CliRun.toy("export", "r1", "--store", store, "--results", results, "--out", plan).code());
        copy = p("copy.db");
        Files.copy(Path.of(store), Path.of(copy));
        cut = p("cut.db");
        Files.copy(Path.of(store), Path.of(cut));
        try (RandomAccessFile f = new RandomAccessFile(cut, "rw")) {
            f.setLength(f.length() / 2);
        }
        link = p("link-to-store.db");
        Files.createSymbolicLink(Path.of(link), Path.of(store));
        model = Files.write(Path.of(p("model.zip")), new byte[]{'P', 'K', 3, 4, 1, 2, 3}).toString();
        packed = Files.write(Path.of(p("packed.kw")), new byte[]{'K', 'W', 0, 1, 2}).toString();
        mlp = p("mlp.zip");
        MultiLayerNetwork net = smallMlp();
        Models.save(net, Path.of(mlp));
        Files.createDirectories(Path.of(results, "models"));
        zoo = Files.write(Path.of(results, "models", "lenet5-mnist.zip"), new byte[]{'P', 'K', 3, 4, 9}).toString();
        Files.createDirectories(Path.of(results, "bench"));
        table = Files.writeString(Path.of(results, "bench", "search.md"), "| agent | accuracy |\n").toString();
        sub = Files.createDirectories(Path.of(p("sub"))).toString();
        gen = p("gen");
        assertEquals(0, CliRun.toy("data", "generate", "tabular", "--n", "10", "--out", gen).code());
        String good = CompressionPlan.uniform(NetworkSpecs.of(net), 4, 8, 0.5).toJson();
        nullPlan = Files.writeString(Path.of(p("null.json")), "null\n").toString();
        nullLayer = Files.writeString(Path.of(p("null-layer.json")), good.replaceFirst("\"layers\" : \\[", "\"layers\" : [ null,")).toString();
        fracPlan = Files.writeString(Path.of(p("frac.json")), good.replaceFirst("\"weightBits\" : \\[ 4,", "\"weightBits\" : [ 4.7,")).toString();
        binary = Files.write(Path.of(p("binary.bin")), new byte[]{(byte) 0xFF, (byte) 0xFE, 0, 1, (byte) 0xC3, 0x28}).toString();
        empty = Files.write(Path.of(p("empty.json")), new byte[0]).toString();
        hwJson = Files.writeString(Path.of(p("hw.json")), "null\n").toString();
        missing = p("missing");
        Files.createSymbolicLink(Path.of(p("link-to-zoo.zip")), Path.of(zoo));
        Files.createSymbolicLink(Path.of(p("link-to-bench")), Path.of(results, "bench"));
        Files.createSymbolicLink(Path.of(p("link-to-models")), Path.of(results, "models"));
        fifo = new ProcessBuilder("mkfifo", p("pipe")).start().waitFor() == 0 ? p("pipe") : null;
        catalogue();
    }

    @AfterAll
    void clearProperty() {
        System.clearProperty("kernelwise.results");
    }

    private static String p(String name) {
        return dir.resolve(name).toString();
    }

    private void search(String storeFile, String run, String episodes) {
        CliRun r = CliRun.toy("search", "--store", storeFile, "--results", results, "--model", "toy", "--agent", "random",
                "--episodes", episodes, "--run", run, "--seed", "3");
        assertEquals(0, r.code(), r.err());
    }

    private static MultiLayerNetwork smallMlp() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1).list()
                .layer(new DenseLayer.Builder().nOut(16).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.feedForward(64)).build());
        net.init();
        return net;
    }

    @TestFactory
    Stream<DynamicTest> everyHostileCommandLineIsRefusedOnOneLineAndLeavesEveryFileAsItWas() {
        assertTrue(cases.size() >= 100, "the catalogue holds " + cases.size() + " cases");
        Set<String> names = new HashSet<>();
        for (Case c : cases) assertTrue(names.add(c.name()), "two cases named " + c.name());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name() + " [" + String.join(" ", c.args()).replace(dir.toString(), "$DIR") + "]",
                () -> check(c)));
    }

    private static void check(Case c) throws Exception {
        Snapshot before = Snapshot.of(dir);
        CliRun r = CliRun.toy(c.args());
        String what = c.name() + ": ";
        assertEquals(c.code(), r.code(), what + "exit code; stdout: " + r.out() + "; stderr: " + r.err());
        assertTrue(r.oneLineError(), what + "not a one-line error: " + r.err());
        assertTrue(r.err().contains(c.message()), what + "expected '" + c.message() + "' in: " + r.err());
        assertFalse(r.err().contains("internal error"), what + r.err());
        before.assertUnchanged();
        before.assertNothingAdded();
    }

    private void add(String name, int code, String message, String... args) {
        cases.add(new Case(name, code, message, args));
    }

    /** {@code search} into the healthy store with a fresh run name, with {@code more} options replacing or added to those. */
    private String[] searchWith(String... more) {
        return with(new String[]{"search", "--store", store, "--results", results, "--model", "toy", "--agent", "random", "--episodes", "2", "--run", "fresh"}, more);
    }

    private static final Set<String> FLAGS = Set.of("--force", "--best", "--json", "--teacher");

    /** {@code base} with each option of {@code more} (an option and its value, or a flag) put in place of the same option, or added. */
    private static String[] with(String[] base, String... more) {
        List<String> all = new ArrayList<>(List.of(base));
        for (int i = 0; i < more.length; i++) {
            if (FLAGS.contains(more[i])) {
                all.add(more[i]);
                continue;
            }
            int at = all.indexOf(more[i]);
            if (at >= 0) all.set(at + 1, more[i + 1]);
            else {
                all.add(more[i]);
                all.add(more[i + 1]);
            }
            i++;
        }
        return all.toArray(String[]::new);
    }

    private String[] in(String storeFile, String... verbAndArgs) {
        return concat(verbAndArgs, new String[]{"--store", storeFile, "--results", results});
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private void catalogue() {
        commandLine();
        searchValues();
        searchFiles();
        resume();
        readingVerbs();
        export();
        exportModel();
        finetune();
        evaluate();
        planUniform();
        planMagnitude();
        train();
        data();
        modelsInspect();
        storeVerbs();
        bench();
    }

    private void commandLine() {
        add("no verb", USAGE, "a verb is required");
        add("unknown verb", USAGE, "frobnicate", "frobnicate");
        add("unknown option", USAGE, "--no-such-option", "search", "--no-such-option");
        add("help of an unknown verb", USAGE, "frobnicate", "help", "frobnicate");
    }

    private void searchValues() {
        add("search: unknown agent", USAGE, "nosuch", searchWith("--agent", "nosuch"));
        add("search: results folder in the zoo", REFUSED, "model zoo's folder", searchWith("--results", results + "/models"));
        add("search: results folder in the bench tables", REFUSED, "committed benchmark tables", searchWith("--results", results + "/bench/runs"));
        add("search: results folder is the zoo through ..", REFUSED, "model zoo's folder", searchWith("--results", results + "/bench/../models"));
        add("search: unknown hardware", USAGE, "tpu9000", searchWith("--hardware", "tpu9000"));
        add("search: budget not a number", USAGE, "abc", searchWith("--budget", "size=abc"));
        add("search: negative budget", USAGE, "-1", searchWith("--budget", "size=-1"));
        add("search: zero budget", USAGE, "latency=0", searchWith("--budget", "latency=0"));
        add("search: NaN budget", USAGE, "NaN", searchWith("--budget", "size=NaN"));
        add("search: infinite budget", USAGE, "1e400", searchWith("--budget", "size=1e400"));
        add("search: budget with a colon", USAGE, "latency:0.4", searchWith("--budget", "latency:0.4"));
        add("search: unknown budget resource", USAGE, "weight", searchWith("--budget", "weight=0.5"));
        add("search: empty budget", USAGE, "budget", searchWith("--budget", ""));
        add("search: zero episodes", USAGE, "0", searchWith("--episodes", "0"));
        add("search: negative episodes", USAGE, "-5", searchWith("--episodes", "-5"));
        add("search: episodes not a number", USAGE, "abc", searchWith("--episodes", "abc"));
        add("search: episodes beyond int", USAGE, "99999999999", searchWith("--episodes", "99999999999"));
        add("search: seed not a number", USAGE, "x1", searchWith("--seed", "x1"));
        add("search: negative eval images", USAGE, "-1", searchWith("--eval-images", "-1"));
        add("search: unknown mode", USAGE, "greedy", searchWith("--mode", "greedy"));
        add("search: NaN accuracy loss", USAGE, "NaN", searchWith("--mode", "accuracy-guaranteed", "--max-accuracy-loss", "NaN"));
        add("search: negative accuracy loss", USAGE, "-0.1", searchWith("--mode", "accuracy-guaranteed", "--max-accuracy-loss", "-0.1"));
        add("search: accuracy loss above 1", USAGE, "2", searchWith("--mode", "accuracy-guaranteed", "--max-accuracy-loss", "2"));
        add("search: unknown recovery", USAGE, "magic", searchWith("--recovery", "magic"));
        add("search: negative recovery images", USAGE, "-1", searchWith("--recovery", "bias", "--recovery-images", "-1"));
        add("search: zero checkpoint interval", USAGE, "0", searchWith("--checkpoint-every", "0"));
        add("search: unknown model", NOT_FOUND, "nosuch", searchWith("--model", "nosuch"));
        add("search: packed .kw as model", USAGE, "packed .kw", searchWith("--model", packed));
        add("search: existing run name", USAGE, "r1", searchWith("--run", "r1"));
        add("search: run folder of another store", REFUSED, "holds run 'o1'", searchWith("--run", "o1"));
        add("search: empty store path", USAGE, "is a folder", searchWith("--store", ""));
        add("search: run name of the other store's run", REFUSED, "holds run 'r2'", searchWith("--store", other, "--run", "r2"));
        add("search: existing run through a link to the store", USAGE, "r1", searchWith("--store", link, "--run", "r1"));
        add("search: empty run name", USAGE, "run", searchWith("--run", ""));
        add("search: run name climbing out", USAGE, "../escaped", searchWith("--run", "../escaped"));
        add("search: run name with a slash", USAGE, "a/b", searchWith("--run", "a/b"));
        add("search: unknown data set", USAGE, "nosuch-set", searchWith("--data", "nosuch-set"));
        add("search: data spec without files", USAGE, "npy:", searchWith("--data", "npy:"));
    }

    private void searchFiles() {
        add("search: store is a folder", USAGE, "is a folder", searchWith("--store", sub));
        add("search: truncated store", REFUSED, "cut.db is not a readable kernelwise store", searchWith("--store", cut));
        add("search: a plan file as store", REFUSED, "plan.json is not a readable kernelwise store", searchWith("--store", plan));
        add("search: an empty file as store", REFUSED, "the file is empty", searchWith("--store", empty));
        add("search: a binary file as store", REFUSED, "binary.bin is not a readable kernelwise store", searchWith("--store", binary));
        add("search: a model zip as store", REFUSED, "model.zip is not a readable kernelwise store", searchWith("--store", model));
        add("search: store in the model zoo", REFUSED, "lenet5-mnist.zip", searchWith("--store", zoo));
        add("search: store onto a bench table", REFUSED, "search.md", searchWith("--store", table));
        add("search: results is a file", USAGE, "plan.json", searchWith("--results", plan));
        add("search: missing hardware params", NOT_FOUND, "missing", searchWith("--hardware-params", missing));
        add("search: hardware params is a folder", USAGE, "is a folder", searchWith("--hardware-params", sub));
        add("search: binary hardware params", REFUSED, "not a text file", searchWith("--hardware-params", binary));
        add("search: hardware params holding null", USAGE, "hw.json", searchWith("--hardware-params", hwJson));
        add("search: a plan as hardware params", USAGE, "plan.json", searchWith("--hardware-params", plan));
        add("search: lookup table without its CSV", USAGE, "--hardware table needs --hardware-params FILE", searchWith("--hardware", "table"));
        add("search: a plan as lookup table", USAGE, "plan.json", searchWith("--hardware", "table", "--hardware-params", plan));
        add("search: agent config holding null", USAGE, "null.json", searchWith("--agent-config", nullPlan));
        add("search: missing agent config", NOT_FOUND, "missing", searchWith("--agent-config", missing));
        add("search: agent config is a folder", USAGE, "is a folder", searchWith("--agent-config", sub));
        add("search: binary agent config", REFUSED, "not a text file", searchWith("--agent-config", binary));
        add("search: empty agent config", USAGE, "empty.json", searchWith("--agent-config", empty));
        add("search: a plan as agent config", USAGE, "plan.json", searchWith("--agent-config", plan));
    }

    private void resume() {
        add("resume: missing run", NOT_FOUND, "nosuch", in(store, "resume", "nosuch"));
        add("resume: no store at the default place", NOT_FOUND, "no run store", "resume", "r1");
        add("resume: zero episodes", USAGE, "0", in(store, "resume", "r1", "--episodes", "0"));
        add("resume: negative episodes", USAGE, "-3", in(store, "resume", "r1", "--episodes", "-3"));
        add("resume: episodes below those done", USAGE, "3", in(store, "resume", "r1", "--episodes", "3"));
        add("resume: episodes not a number", USAGE, "lots", in(store, "resume", "r1", "--episodes", "lots"));
        add("resume: truncated store", REFUSED, "cut.db is not a readable kernelwise store", in(cut, "resume", "r1"));
        add("resume: store is a folder", USAGE, "is a folder", in(sub, "resume", "r1"));
        add("resume: missing store", NOT_FOUND, "missing", in(missing, "resume", "r1"));
        add("resume: a plan file as store", REFUSED, "plan.json is not a readable kernelwise store", in(plan, "resume", "r1"));
        add("resume: a copy of the store", REFUSED, "holds run 'r1' of store", in(copy, "resume", "r1", "--episodes", "8"));
        add("resume: run of another store's folder", NOT_FOUND, "o1", in(store, "resume", "o1"));
    }

    private void readingVerbs() {
        add("runs: missing store", NOT_FOUND, "missing", in(missing, "runs"));
        add("runs: no store at the default place", NOT_FOUND, "no run store", "runs");
        add("runs: store is a folder", USAGE, "is a folder", in(sub, "runs"));
        add("runs: truncated store", REFUSED, "cut.db is not a readable kernelwise store", in(cut, "runs"));
        add("runs: a plan file as store", REFUSED, "plan.json is not a readable kernelwise store", in(plan, "runs"));
        add("runs: an empty file as store", REFUSED, "the file is empty", in(empty, "runs"));
        add("runs: a binary file as store", REFUSED, "binary.bin", in(binary, "runs"));
        add("runs: empty store path", USAGE, "is a folder", in("", "runs"));
        add("runs: the store's log, missing", NOT_FOUND, "runs.db.wal.0", in(store + ".wal.0", "runs"));
        add("runs: unexpected argument", USAGE, "extra", in(store, "runs", "extra"));
        add("show: missing run", NOT_FOUND, "nosuch", in(store, "show", "nosuch"));
        add("show: truncated store", REFUSED, "cut.db is not a readable kernelwise store", in(cut, "show", "r1"));
        add("show: store is a folder", USAGE, "is a folder", in(sub, "show", "r1"));
        add("show: missing store", NOT_FOUND, "missing", in(missing, "show", "r1"));
        add("show: a model zip as store", REFUSED, "model.zip", in(model, "show", "r1"));
        add("report: missing run", NOT_FOUND, "nosuch", in(store, "report", "nosuch"));
        add("report: truncated store", REFUSED, "cut.db is not a readable kernelwise store", in(cut, "report", "r1"));
        add("report: a copy of the store", REFUSED, "holds run 'r1' of store", in(copy, "report", "r1"));
        add("report: results is a file", USAGE, "plan.json", "report", "r1", "--store", store, "--results", plan);
        add("report: missing store", NOT_FOUND, "missing", in(missing, "report", "r1"));
    }

    private String[] exportTo(String out, String... more) {
        return with(in(store, "export", "r1", "--out", out), more);
    }

    private void export() {
        add("export: onto the store", REFUSED, "is this command's store", exportTo(store));
        add("export: onto the store, forced", REFUSED, "is this command's store", exportTo(store, "--force"));
        add("export: onto a link to the store", REFUSED, "is this command's store", exportTo(link));
        add("export: onto the store through ..", REFUSED, "is this command's store", exportTo(p("sub/../runs.db")));
        add("export: onto another store", REFUSED, "is a run store", exportTo(other));
        add("export: onto another store, forced", REFUSED, "is a run store", exportTo(other, "--force"));
        add("export: onto an existing file", REFUSED, "exists; pass --force", exportTo(plan));
        add("export: onto a folder", USAGE, "is a folder", exportTo(sub));
        add("export: into a file as if a folder", USAGE, "plan.json", exportTo(p("plan.json/x.json")));
        add("export: onto a zoo model", REFUSED, "model zoo's folder", exportTo(zoo, "--force"));
        add("export: onto a bench table", REFUSED, "committed benchmark tables", exportTo(table, "--force"));
        add("export: into the zoo through ..", REFUSED, "model zoo's folder", exportTo(results + "/bench/../models/new.json"));
        add("export: onto another run's files", REFUSED, "exists; pass --force", exportTo(results + "/r2/best-plan.json"));
        add("export: onto a link to a zoo model", REFUSED, "model zoo's folder", exportTo(p("link-to-zoo.zip"), "--force"));
        add("export: onto the store's log", REFUSED, "is a run store", exportTo(store + ".wal.0"));
        add("export: empty path", USAGE, "is a folder", exportTo(""));
        if (fifo != null) add("export: onto a named pipe, forced", REFUSED, "is not a regular file", exportTo(fifo, "--force"));
        add("export: missing run", NOT_FOUND, "nosuch", in(store, "export", "nosuch", "--out", p("new.json")));
        add("export: episode beyond the run", NOT_FOUND, "99", exportTo(p("new.json"), "--episode", "99"));
        add("export: negative episode", NOT_FOUND, "-1", exportTo(p("new.json"), "--episode", "-1"));
        add("export: unknown ranking", USAGE, "colour", exportTo(p("new.json"), "--by", "colour"));
        add("export: NaN max drop", USAGE, "NaN", exportTo(p("new.json"), "--by", "size", "--max-drop", "NaN"));
        add("export: negative max drop", USAGE, "-1", exportTo(p("new.json"), "--by", "size", "--max-drop", "-1"));
        add("export: best and an episode", USAGE, "--episode", exportTo(p("new.json"), "--best", "--episode", "1"));
        add("export: no --out", USAGE, "--out", in(store, "export", "r1"));
        add("export: truncated store", REFUSED, "cut.db is not a readable kernelwise store", in(cut, "export", "r1", "--out", p("new.json")));
    }

    private String[] exportModel(String modelArg, String planArg, String out, String... more) {
        return with(new String[]{"export-model", "--model", modelArg, "--plan", planArg, "--out", out, "--data", "digits"}, more);
    }

    private void exportModel() {
        String kw = p("new.kw");
        add("export-model: onto its model", REFUSED, "is this command's --model", exportModel(model, plan, model, "--force"));
        add("export-model: onto its plan", REFUSED, "is this command's --plan", exportModel(model, plan, plan, "--force"));
        add("export-model: onto a zoo model", REFUSED, "model zoo's folder", exportModel(model, plan, zoo, "--force"));
        add("export-model: onto the store", REFUSED, "is a run store", exportModel(model, plan, store, "--force"));
        add("export-model: onto a link to the store", REFUSED, "is a run store", exportModel(model, plan, link, "--force"));
        add("export-model: onto a bench table", REFUSED, "committed benchmark tables", exportModel(model, plan, table));
        add("export-model: onto an existing file", REFUSED, "exists; pass --force", exportModel(model, plan, packed));
        add("export-model: missing plan", NOT_FOUND, "no such plan file", exportModel(model, missing, kw));
        add("export-model: plan is a folder", USAGE, "is a folder", exportModel(model, sub, kw));
        add("export-model: plan holding null", REFUSED, "the file holds null", exportModel(model, nullPlan, kw));
        add("export-model: plan with a null layer", REFUSED, "layer 0 is null", exportModel(model, nullLayer, kw));
        add("export-model: binary plan", REFUSED, "not UTF-8 text", exportModel(model, binary, kw));
        add("export-model: empty plan", REFUSED, "empty.json", exportModel(model, empty, kw));
        add("export-model: weight bits 4.7", REFUSED, "4.7", exportModel(model, fracPlan, kw));
        add("export-model: missing model", NOT_FOUND, "missing", exportModel(missing, plan, kw));
        add("export-model: packed model", USAGE, "packed .kw", exportModel(packed, plan, kw));
        add("export-model: not a zip", REFUSED, "model.zip", exportModel(model, plan, kw));
        add("export-model: unknown data set", USAGE, "nosuch-set", "export-model", "--model", model, "--plan", plan, "--out", kw, "--data", "nosuch-set");
        add("export-model: missing data files", NOT_FOUND, "missing", "export-model", "--model", model, "--plan", plan, "--out", kw,
                "--data", "npy:" + missing + "-x.npy+" + missing + "-y.npy");
        add("export-model: plan for another network", REFUSED, "plan does not fit", exportModel(mlp, plan, kw));
    }

    private String[] finetune(String... more) {
        return with(new String[]{"finetune", "--model", model, "--plan", plan, "--data", "digits", "--out", p("tuned.kw")}, more);
    }

    private void finetune() {
        add("finetune: zero epochs", USAGE, "0", finetune("--epochs", "0"));
        add("finetune: negative epochs", USAGE, "-1", finetune("--epochs", "-1"));
        add("finetune: retraining all epochs", USAGE, "--retrain-epochs", finetune("--epochs", "1", "--retrain-epochs", "1"));
        add("finetune: negative batches", USAGE, "-1", finetune("--max-batches", "-1"));
        add("finetune: NaN learning rate", USAGE, "NaN", finetune("--lr", "NaN"));
        add("finetune: negative learning rate", USAGE, "-1", finetune("--lr", "-1"));
        add("finetune: zero learning rate", USAGE, "--lr", finetune("--lr", "0"));
        add("finetune: unknown method", USAGE, "sgd9", finetune("--method", "sgd9"));
        add("finetune: negative rho", USAGE, "-1", finetune("--method", "admm", "--rho-max", "-1"));
        add("finetune: onto its model", REFUSED, "is this command's --model", finetune("--out", model, "--force"));
        add("finetune: onto its plan", REFUSED, "is this command's --plan", finetune("--out", plan, "--force"));
        add("finetune: onto a zoo model", REFUSED, "model zoo's folder", finetune("--out", zoo, "--force"));
        add("finetune: onto the store", REFUSED, "is a run store", finetune("--out", store, "--force"));
        add("finetune: onto an existing file", REFUSED, "exists; pass --force", finetune("--out", packed));
        add("finetune: plan holding null", REFUSED, "the file holds null", finetune("--plan", nullPlan));
        add("finetune: plan is a folder", USAGE, "is a folder", finetune("--plan", sub));
        add("finetune: missing plan", NOT_FOUND, "no such plan file", finetune("--plan", missing));
        add("finetune: packed model", USAGE, "packed .kw", finetune("--model", packed));
        add("finetune: zoo model not trained for the data", NOT_FOUND, "no trained lenet5 for digits", finetune("--model", "lenet5"));
        add("finetune: batches beyond int", USAGE, "99999999999", finetune("--max-batches", "99999999999"));
        add("finetune: plan for another network", REFUSED, "plan does not fit", finetune("--model", mlp));
        add("finetune: unknown model", NOT_FOUND, "nosuch", finetune("--model", "nosuch"));
    }

    private void evaluate() {
        add("evaluate: missing packed file", NOT_FOUND, "missing.kw", "evaluate", "--model", missing + ".kw", "--data", "digits");
        add("evaluate: damaged packed file", REFUSED, "packed.kw", "evaluate", "--model", packed, "--data", "digits");
        add("evaluate: not a zip", REFUSED, "model.zip", "evaluate", "--model", model, "--data", "digits");
        add("evaluate: model is a folder", USAGE, "is a folder", "evaluate", "--model", sub, "--data", "digits");
        add("evaluate: unknown model", NOT_FOUND, "nosuch", "evaluate", "--model", "nosuch", "--data", "digits");
        add("evaluate: zoo model not trained for the data", NOT_FOUND, "no trained lenet5 for digits", "evaluate", "--model", "lenet5", "--data", "digits");
        add("evaluate: unknown data set", USAGE, "nosuch-set", "evaluate", "--model", model, "--data", "nosuch-set");
        add("evaluate: missing data files", NOT_FOUND, "missing", "evaluate", "--model", model, "--data", "npy:" + missing + "-x.npy+" + missing + "-y.npy");
        add("evaluate: binary data files", REFUSED, "binary.bin", "evaluate", "--model", model, "--data", "npy:" + binary + "+" + binary);
        add("evaluate: empty csv", REFUSED, "empty.json", "evaluate", "--model", model, "--data", "csv:" + empty + ",label=class");
        add("evaluate: a plan as npy data", REFUSED, "plan.json", "evaluate", "--model", mlp, "--data", "npy:" + plan + "+" + plan);
        add("evaluate: csv without the label column", REFUSED, "nosuchcol", "evaluate", "--model", mlp, "--data", "csv:" + gen + "/tabular.csv,label=nosuchcol");
        add("evaluate: validation fraction above 1", USAGE, "1.5", "evaluate", "--model", mlp, "--data", "npy:" + gen + "/tabular-x.npy+" + gen + "/tabular-y.npy,validation=1.5");
        add("evaluate: NaN test fraction", USAGE, "NaN", "evaluate", "--model", mlp, "--data", "npy:" + gen + "/tabular-x.npy+" + gen + "/tabular-y.npy,test=NaN");
        add("evaluate: data of another shape", REFUSED, "12 features", "evaluate", "--model", mlp, "--data", "npy:" + gen + "/tabular-x.npy+" + gen + "/tabular-y.npy");
        add("evaluate: no --model", USAGE, "--model", "evaluate");
    }

    private String[] uniform(String... more) {
        return with(new String[]{"plan", "uniform", "--model", "lenet5", "--out", p("uniform.json")}, more);
    }

    private void planUniform() {
        add("plan uniform: weight bits 9", USAGE, "9", uniform("--weight-bits", "9"));
        add("plan uniform: weight bits 0", USAGE, "0", uniform("--weight-bits", "0"));
        add("plan uniform: weight bits 4.7", USAGE, "4.7", uniform("--weight-bits", "4.7"));
        add("plan uniform: activation bits 1", USAGE, "1", uniform("--activation-bits", "1"));
        add("plan uniform: activation bits 33", USAGE, "33", uniform("--activation-bits", "33"));
        add("plan uniform: sparsity above 1", USAGE, "1.5", uniform("--sparsity", "1.5"));
        add("plan uniform: negative sparsity", USAGE, "-0.1", uniform("--sparsity", "-0.1"));
        add("plan uniform: NaN sparsity", USAGE, "NaN", uniform("--sparsity", "NaN"));
        add("plan uniform: unknown model", NOT_FOUND, "nosuch", uniform("--model", "nosuch"));
        add("plan uniform: not a zip", REFUSED, "model.zip", uniform("--model", model));
        add("plan uniform: packed model", USAGE, "packed .kw", uniform("--model", packed));
        add("plan uniform: onto an existing plan", REFUSED, "exists; pass --force", uniform("--out", plan));
        add("plan uniform: onto its model", REFUSED, "is this command's --model", uniform("--model", mlp, "--out", mlp, "--force"));
        add("plan uniform: onto a zoo model", REFUSED, "model zoo's folder", uniform("--out", zoo, "--force"));
        add("plan uniform: onto the store", REFUSED, "is a run store", uniform("--out", store, "--force"));
        add("plan uniform: onto a link to the store", REFUSED, "is a run store", uniform("--out", link, "--force"));
        add("plan uniform: onto a folder", USAGE, "is a folder", uniform("--out", sub));
        add("plan uniform: into the zoo through ..", REFUSED, "model zoo's folder", uniform("--out", results + "/bench/../models/new.json"));
    }

    private String[] magnitude(String... more) {
        return with(new String[]{"plan", "magnitude", "--model", mlp, "--out", p("magnitude.json")}, more);
    }

    private void planMagnitude() {
        add("plan magnitude: zero density", USAGE, "0", magnitude("--density", "0,0.5", "--weight-bits", "4,4"));
        add("plan magnitude: density above 1", USAGE, "1.5", magnitude("--density", "1.5,0.5", "--weight-bits", "4,4"));
        add("plan magnitude: NaN density", USAGE, "NaN", magnitude("--density", "NaN,0.5", "--weight-bits", "4,4"));
        add("plan magnitude: weight bits 9", USAGE, "9", magnitude("--density", "0.5,0.5", "--weight-bits", "9,4"));
        add("plan magnitude: densities for other layers", USAGE, "3", magnitude("--density", "0.5,0.5,0.5", "--weight-bits", "4,4"));
        add("plan magnitude: activation bits 1", USAGE, "1", magnitude("--density", "0.5,0.5", "--weight-bits", "4,4", "--activation-bits", "1"));
        add("plan magnitude: negative min kept", USAGE, "-1", magnitude("--density", "0.5,0.5", "--weight-bits", "4,4", "--min-kept", "-1"));
        add("plan magnitude: onto its model", REFUSED, "is this command's --model", magnitude("--density", "0.5,0.5", "--weight-bits", "4,4", "--out", mlp, "--force"));
        add("plan magnitude: no density", USAGE, "--density", magnitude("--weight-bits", "4,4"));
        add("plan magnitude: zoo model not trained", REFUSED, "lenet5", "plan", "magnitude", "--model", "lenet5", "--density", "0.5,0.5,0.5,0.5",
                "--weight-bits", "4,4,4,4", "--out", p("magnitude.json"));
    }

    private void train() {
        String[] base = {"train", "--model", "lenet300", "--data", "digits"};
        add("train: unknown zoo model", USAGE, "nosuch", "train", "--model", "nosuch", "--data", "digits");
        add("train: a zip as zoo model", USAGE, "model.zip", "train", "--model", model, "--data", "digits");
        add("train: zero epochs", USAGE, "0", concat(base, new String[]{"--epochs", "0"}));
        add("train: negative epochs", USAGE, "-1", concat(base, new String[]{"--epochs", "-1"}));
        add("train: zero batch", USAGE, "0", concat(base, new String[]{"--batch", "0"}));
        add("train: NaN learning rate", USAGE, "NaN", concat(base, new String[]{"--lr", "NaN"}));
        add("train: negative learning rate", USAGE, "-1", concat(base, new String[]{"--lr", "-1"}));
        add("train: unknown data set", USAGE, "nosuch-set", "train", "--model", "lenet300", "--data", "nosuch-set");
        add("train: missing data files", NOT_FOUND, "missing", "train", "--model", "lenet300", "--data", "npy:" + missing + "-x.npy+" + missing + "-y.npy");
        add("train: conv net on 8x8 images", REFUSED, "lenet5", "train", "--model", "lenet5", "--data", "digits");
    }

    private void data() {
        add("data: no sub-verb", USAGE, "a sub-verb is required", "data");
        add("data fetch: unknown data set", USAGE, "cifar", "data", "fetch", "cifar");
        add("data generate: unknown kind", USAGE, "sounds", "data", "generate", "sounds", "--out", p("gen2"));
        add("data generate: out is a file", USAGE, "plan.json is a file", "data", "generate", "images", "--out", plan);
        add("data generate: out is the zoo", REFUSED, "model zoo's folder", "data", "generate", "images", "--out", results + "/models");
        add("data generate: out is the bench tables", REFUSED, "committed benchmark tables", "data", "generate", "images", "--out", results + "/bench");
        add("data generate: into the zoo through ..", REFUSED, "model zoo's folder", "data", "generate", "images", "--out", p("sub/../results/models"));
        add("data generate: out is a store", REFUSED, "is a run store", "data", "generate", "images", "--out", store);
        add("data generate: out is a link to a store", REFUSED, "is a run store", "data", "generate", "images", "--out", link);
        add("data generate: out is a link to the bench tables", REFUSED, "committed benchmark tables", "data", "generate", "images", "--out", p("link-to-bench"));
        add("data generate: empty out", USAGE, "--out is empty", "data", "generate", "images", "--out", "");
        add("data generate: seed not a number", USAGE, "abc", "data", "generate", "images", "--seed", "abc", "--out", p("gen2"));
        add("data generate: files exist", REFUSED, "tabular-x.npy exists; pass --force", "data", "generate", "tabular", "--out", gen);
        add("data generate: too few", USAGE, "5", "data", "generate", "images", "--n", "5", "--out", p("gen2"));
        add("data generate: negative count", USAGE, "-1", "data", "generate", "images", "--n", "-1", "--out", p("gen2"));
        add("data generate: count too large", USAGE, "2000000000", "data", "generate", "images", "--n", "2000000000", "--out", p("gen2"));
        add("data generate: no --out", USAGE, "--out", "data", "generate", "tabular");
    }

    private void modelsInspect() {
        add("models inspect: unknown name", NOT_FOUND, "nosuch", "models", "inspect", "nosuch");
        add("models inspect: missing zip", NOT_FOUND, "missing.zip", "models", "inspect", missing + ".zip");
        add("models inspect: damaged packed file", REFUSED, "packed.kw", "models", "inspect", packed);
        add("models inspect: not a zip", REFUSED, "model.zip", "models", "inspect", model);
        add("models inspect: a folder", USAGE, "is a folder", "models", "inspect", sub);
        add("models inspect: a fake zoo model", REFUSED, "lenet5", "models", "inspect", "lenet5");
        add("models inspect: a binary file", REFUSED, "binary.bin", "models", "inspect", binary);
        add("models inspect: a store", REFUSED, "runs.db", "models", "inspect", store);
        add("models inspect: unknown data set", USAGE, "nosuch-set", "models", "inspect", mlp, "--data", "nosuch-set");
        add("models: unknown sub-verb", USAGE, "list", "models", "list");
    }

    private void storeVerbs() {
        add("store: no sub-verb", USAGE, "a sub-verb is required", "store");
        add("store check: missing file", NOT_FOUND, "missing", "store", "check", missing);
        add("store check: a folder", USAGE, "is a folder", "store", "check", sub);
        add("store check: truncated store", REFUSED, "cut.db", "store", "check", cut);
        add("store check: a plan file", REFUSED, "plan.json is not a readable kernelwise store", "store", "check", plan);
        add("store check: an empty file", REFUSED, "the file is empty", "store", "check", empty);
        add("store salvage: onto itself", REFUSED, "is this command's store", "store", "salvage", store, "--out", store);
        add("store salvage: onto a link to itself", REFUSED, "is this command's store", "store", "salvage", store, "--out", link);
        add("store salvage: onto another store", REFUSED, "is a run store", "store", "salvage", store, "--out", other);
        add("store salvage: onto an existing file", REFUSED, "exists", "store", "salvage", store, "--out", plan);
        add("store salvage: onto a folder", USAGE, "is a folder", "store", "salvage", store, "--out", sub);
        add("store salvage: into the zoo", REFUSED, "model zoo's folder", "store", "salvage", store, "--out", results + "/models/x.db");
        add("store salvage: onto the store's log", REFUSED, "is a run store", "store", "salvage", cut, "--out", store + ".wal.0");
        add("store salvage: into the bench tables", REFUSED, "committed benchmark tables", "store", "salvage", store, "--out", results + "/bench/x.db");
        if (fifo != null) add("store salvage: onto a named pipe", REFUSED, "is not a regular file", "store", "salvage", store, "--out", fifo);
        add("store salvage: missing file", NOT_FOUND, "missing", "store", "salvage", missing, "--out", p("saved.db"));
        add("store salvage: an empty file", REFUSED, "empty.json", "store", "salvage", empty, "--out", p("saved.db"));
        add("store salvage: no --out", USAGE, "--out", "store", "salvage", store);
    }

    private void bench() {
        add("bench: no benchmark", USAGE, "a benchmark is required", "bench");
        for (String verb : new String[]{"costs", "eval", "search", "recovery", "agents", "finetune"}) {
            add("bench " + verb + ": out is a file", USAGE, "plan.json is a file", "bench", verb, "--out", plan);
            add("bench " + verb + ": out in the zoo", REFUSED, "model zoo's folder", "bench", verb, "--out", results + "/models/tables");
            add("bench " + verb + ": out is a store", REFUSED, "is a run store", "bench", verb, "--out", store);
        }
        add("bench costs: out is a link to a store", REFUSED, "is a run store", "bench", "costs", "--out", link);
        add("bench costs: out is the zoo through ..", REFUSED, "model zoo's folder", "bench", "costs", "--out", results + "/bench/../models");
        add("bench costs: empty out", USAGE, "--out is empty", "bench", "costs", "--out", "");
        add("bench eval: out is a link to the zoo", REFUSED, "model zoo's folder", "bench", "eval", "--out", p("link-to-models"));
        add("bench eval: out is a link to a zoo model", USAGE, "is a file", "bench", "eval", "--out", p("link-to-zoo.zip"));
        add("bench costs: zero bits", USAGE, "0", "bench", "costs", "--bits", "0", "--out", p("tables"));
        add("bench costs: bits 9", USAGE, "9", "bench", "costs", "--bits", "9", "--out", p("tables"));
        add("bench costs: unknown model", USAGE, "nosuch", "bench", "costs", "--model", "nosuch", "--out", p("tables"));
        add("bench eval: zero batch", USAGE, "0", "bench", "eval", "--batch", "0", "--out", p("tables"));
        add("bench eval: negative repeats", USAGE, "-1", "bench", "eval", "--repeats", "-1", "--out", p("tables"));
        add("bench search: budget not a number", USAGE, "abc", "bench", "search", "--budget", "size=abc", "--out", p("tables"));
        add("bench search: unknown recovery", USAGE, "magic", "bench", "search", "--recovery", "magic", "--out", p("tables"));
        add("bench search: unknown contender", USAGE, "nosuch", "bench", "search", "--contenders", "nosuch", "--out", p("tables"));
        add("bench search: zero episodes", USAGE, "0", "bench", "search", "--episodes", "0", "--out", p("tables"));
        add("bench recovery: negative budget", USAGE, "-1", "bench", "recovery", "--budgets", "size=-1", "--out", p("tables"));
        add("bench agents: unknown agent", USAGE, "nosuch", "bench", "agents", "--agents", "nosuch", "--out", p("tables"));
        add("bench agents: zero episodes", USAGE, "0", "bench", "agents", "--episodes", "0", "--out", p("tables"));
        add("bench search: agent config is a folder", USAGE, "is a folder", "bench", "search", "--agent-config", sub, "--out", p("tables"));
        add("bench search: agent config holding null", USAGE, "null.json", "bench", "search", "--agent-config", nullPlan, "--out", p("tables"));
        add("bench agents: agent config is a folder", USAGE, "is a folder", "bench", "agents", "--agent-config", sub, "--out", p("tables"));
        add("bench agents: binary agent config", REFUSED, "not a text file", "bench", "agents", "--agent-config", binary, "--out", p("tables"));
        add("bench finetune: unknown method", USAGE, "sgd9", "bench", "finetune", "--methods", "sgd9", "--out", p("tables"));
        add("bench finetune: NaN learning rate", USAGE, "NaN", "bench", "finetune", "--lr", "NaN", "--out", p("tables"));
        add("bench finetune: tiny bits 9", USAGE, "--tiny-bits values must be 1..8 or 32, found 9", "bench", "finetune", "--tiny-bits", "4,3,9,3", "--out", p("tables"));
        add("bench finetune: tiny density 0", USAGE, "--tiny-density values must be in (0, 1], found 0.0", "bench", "finetune", "--tiny-density", "0.6,0,0.1,0.1", "--out", p("tables"));
        add("bench finetune: tiny lengths differ", USAGE, "found 3 and 4", "bench", "finetune", "--tiny-density", "0.6,0.1,0.1", "--out", p("tables"));
        add("bench userloop: out is a file", USAGE, "plan.json is a file", "bench", "userloop", "--plan", plan, "--out", plan);
        add("bench userloop: out in the zoo", REFUSED, "model zoo's folder", "bench", "userloop", "--plan", plan, "--out", results + "/models/tables");
        add("bench userloop: out is a store", REFUSED, "is a run store", "bench", "userloop", "--plan", plan, "--out", store);
        add("bench userloop: no plan", USAGE, "--plan", "bench", "userloop", "--out", p("tables"));
        add("bench userloop: missing plan", NOT_FOUND, "no such plan file", "bench", "userloop", "--plan", missing, "--out", p("tables"));
        add("bench userloop: plan is a folder", USAGE, "is a folder", "bench", "userloop", "--plan", sub, "--out", p("tables"));
        add("bench userloop: plan holding null", REFUSED, "null.json", "bench", "userloop", "--plan", nullPlan, "--out", p("tables"));
        add("bench userloop: zero train images", USAGE, "found 0", "bench", "userloop", "--plan", plan, "--train-images", "0", "--out", p("tables"));
        add("bench userloop: NaN learning rate", USAGE, "NaN", "bench", "userloop", "--plan", plan, "--lr", "NaN", "--out", p("tables"));
        add("bench userloop: same plan twice", USAGE, "two --plan files", "bench", "userloop", "--plan", plan, "--plan", plan, "--out", p("tables"));
    }
    @Test
    void givenAFreshFolder_whenDataGenerated_thenExactlyItsFilesAndAgainOnlyWithForceLeavingOtherFilesAlone() throws Exception {
        Path out = dir.resolve("generated");
        Files.createDirectories(out);
        Path mine = Files.writeString(out.resolve("notes.txt"), "mine");
        CliRun first = CliRun.toy("data", "generate", "images", "--n", "10", "--out", out.toString());
        assertEquals(0, first.code(), first.err());
        Set<String> expected = new HashSet<>(kernelwise.models.data.SyntheticData.fileNames("images"));
        expected.add("notes.txt");
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(expected, files.map(f -> f.getFileName().toString()).collect(java.util.stream.Collectors.toSet()), "no temporary file left");
        }
        Snapshot written = Snapshot.of(out);
        CliRun again = CliRun.toy("data", "generate", "images", "--n", "12", "--out", out.toString());
        assertEquals(REFUSED, again.code(), again.err());
        assertTrue(again.oneLineError() && again.err().contains("images-x.npy exists; pass --force"), again.err());
        written.assertUnchanged();
        CliRun forced = CliRun.toy("data", "generate", "images", "--n", "12", "--out", out.toString(), "--force");
        assertEquals(0, forced.code(), forced.err());
        assertFalse(Snapshot.sha256(out.resolve("images-y.npy")).equals(written.hashes().get(Path.of("images-y.npy"))), "replaced");
        assertEquals("mine", Files.readString(mine));
        assertEquals(expected.size(), Snapshot.of(out).hashes().size());
    }

    @Test
    void givenResultsBench_whenABenchVerbWritesItsTables_thenAllowed() throws Exception {
        CliRun r = CliRun.toy("bench", "costs", "--model", "lenet300", "--bits", "4");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isRegularFile(Path.of(results, "bench", "costs.md")));
        assertEquals("| agent | accuracy |\n", Files.readString(Path.of(table)), "another table is left alone");
        Files.delete(Path.of(results, "bench", "costs.md"));
        Files.delete(Path.of(results, "bench", "costs.json"));
    }
}
