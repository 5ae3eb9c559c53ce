package kernelwise.search.cli;

import kernelwise.models.plan.CompressionPlan;
import kernelwise.search.store.RunStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * No verb that writes a file can destroy an input, a store, a stored zoo model or a committed benchmark table, and an
 * existing file is replaced only with --force; each case as the user's command line, every file before byte-identical after.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutputSafetyTest {
    @TempDir
    static Path dir;
    Path store;
    Path results;
    Path plan;
    Path model;

    @BeforeAll
    void storeOneRunAndSomeInputs() throws Exception {
        results = dir.resolve("results");
        System.setProperty("kernelwise.results", results.toString());
        store = dir.resolve("runs.db");
        CliRun r = CliRun.toy("search", "--store", store.toString(), "--results", results.toString(), "--model", "toy", "--agent", "random",
                "--episodes", "6", "--run", "r1", "--seed", "3");
        assertEquals(0, r.code(), r.err());
        plan = dir.resolve("plan.json");
        assertEquals(0, export("--out", plan.toString()).code());
        model = dir.resolve("model.zip");
        Files.write(model, new byte[]{'P', 'K', 3, 4, 1, 2, 3});
        Files.createDirectories(results.resolve("models"));
        Files.write(results.resolve("models/lenet5-mnist.zip"), new byte[]{'P', 'K', 3, 4, 9});
        Files.createDirectories(results.resolve("bench"));
        Files.writeString(results.resolve("bench/search.md"), "| agent | accuracy |\n");
        Files.createSymbolicLink(dir.resolve("link-to-store.db"), store);
        Files.createDirectories(dir.resolve("sub"));
        RunStore.open(dir.resolve("other.db")).close();
    }

    @AfterAll
    void clearProperty() {
        System.clearProperty("kernelwise.results");
    }

    private CliRun export(String... args) {
        String[] all = new String[args.length + 6];
        System.arraycopy(new String[]{"export", "r1", "--store", store.toString(), "--results", results.toString()}, 0, all, 0, 6);
        System.arraycopy(args, 0, all, 6, args.length);
        return CliRun.toy(all);
    }

    /** Runs the command line and asserts its exit code, one error line containing {@code message}, and that no file changed or appeared. */
    private void refused(int code, String message, String... args) throws Exception {
        Snapshot before = Snapshot.of(dir);
        CliRun r = CliRun.toy(args);
        assertEquals(code, r.code(), "exit code; stderr: " + r.err());
        assertTrue(r.oneLineError(), "not a one-line error: " + r.err());
        assertTrue(r.err().contains(message), r.err());
        before.assertUnchanged();
        before.assertNothingAdded();
    }

    private String[] exportArgs(String out) {
        return new String[]{"export", "r1", "--store", store.toString(), "--results", results.toString(), "--out", out};
    }

    @Test
    void givenTheStoreAsOut_whenExported_thenRefusedWithExit4AndTheStoreIsIntact() throws Exception {
        refused(ExitCode.REFUSED, "is this command's store", exportArgs(store.toString()));
        refused(ExitCode.REFUSED, "is this command's store", exportArgs(dir.resolve("link-to-store.db").toString()));
        refused(ExitCode.REFUSED, "is this command's store", exportArgs(dir.resolve("sub/../runs.db").toString()));
        refused(ExitCode.REFUSED, "is a run store", exportArgs(dir.resolve("other.db").toString()));
        try (RunStore s = RunStore.openReadOnly(store)) {
            assertEquals(6, s.progress("r1").episodesDone());
        }
    }

    @Test
    void givenAnExistingOut_whenExported_thenReplacedOnlyWithForce() throws Exception {
        Path out = dir.resolve("existing.json");
        Files.writeString(out, "mine");
        refused(ExitCode.REFUSED, "exists; pass --force to replace it", exportArgs(out.toString()));
        CliRun forced = export("--out", out.toString(), "--force");
        assertEquals(0, forced.code(), forced.err());
        assertEquals(CompressionPlan.read(plan), CompressionPlan.read(out));
    }

    @Test
    void givenAFolderAsOut_whenExported_thenExit2AndNoStrayTemporaryFile() throws Exception {
        refused(ExitCode.USAGE, "is a folder", exportArgs(dir.resolve("sub").toString()));
    }

    @Test
    void givenTheModelOrPlanOrAZooModelOrABenchTableAsOut_whenExportModel_thenRefusedBeforeAnythingIsRead() throws Exception {
        String[] base = {"export-model", "--model", model.toString(), "--plan", plan.toString(), "--out"};
        refused(ExitCode.REFUSED, "is this command's --model", with(base, model.toString()));
        refused(ExitCode.REFUSED, "is this command's --plan", with(base, plan.toString()));
        refused(ExitCode.REFUSED, "model zoo's folder", with(base, results.resolve("models/lenet5-mnist.zip").toString()));
        refused(ExitCode.REFUSED, "committed benchmark tables", with(base, results.resolve("bench/search.md").toString()));
        refused(ExitCode.REFUSED, "model zoo's folder", with(base, results.resolve("bench/../models/new.kw").toString()));
    }

    @Test
    void givenTheModelOrPlanOrAZooModelAsOut_whenFinetune_thenRefusedBeforeTraining() throws Exception {
        String[] base = {"finetune", "--model", model.toString(), "--plan", plan.toString(), "--out"};
        refused(ExitCode.REFUSED, "is this command's --model", with(base, model.toString()));
        refused(ExitCode.REFUSED, "is this command's --plan", with(base, plan.toString()));
        refused(ExitCode.REFUSED, "model zoo's folder", with(base, results.resolve("models/lenet5-mnist.zip").toString()));
        refused(ExitCode.REFUSED, "is a run store", with(base, store.toString()));
    }

    @Test
    void givenPlanUniform_whenOutIsAZooModelOrExists_thenRefusedUnlessForcedOntoAPlainFile() throws Exception {
        refused(ExitCode.REFUSED, "model zoo's folder", "plan", "uniform", "--model", "lenet5", "--out", results.resolve("models/lenet5-mnist.zip").toString());
        Path out = dir.resolve("uniform.json");
        Files.writeString(out, "mine");
        refused(ExitCode.REFUSED, "exists; pass --force", "plan", "uniform", "--model", "lenet5", "--out", out.toString());
        CliRun forced = CliRun.toy("plan", "uniform", "--model", "lenet5", "--weight-bits", "4", "--out", out.toString(), "--force");
        assertEquals(0, forced.code(), forced.err());
        assertEquals(4, CompressionPlan.read(out).layer(0).weightBits(0));
    }

    private static String[] with(String[] base, String last) {
        String[] all = java.util.Arrays.copyOf(base, base.length + 1);
        all[base.length] = last;
        return all;
    }
}
