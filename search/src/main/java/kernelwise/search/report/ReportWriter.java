package kernelwise.search.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.LayerPlan;
import kernelwise.search.SearchConfig;
import kernelwise.env.Resource;
import kernelwise.search.store.EpisodeRecord;
import kernelwise.search.store.ParetoFront;
import kernelwise.search.store.RunInfo;
import kernelwise.search.store.RunProgress;
import kernelwise.search.store.RunStore;
import kernelwise.search.store.Scores;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code report.html} and its PNG charts for one run: reward per episode, accuracy against each cost with
 * the Pareto front, bits and sparsity per layer of the best plan, and per-kernel maps of its bits and sparsity;
 * with the run's configuration and provenance, so that it reads without having seen the run.
 */
public final class ReportWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportWriter() {
    }

    /** Writes the report into {@code dir}; returns the HTML file. */
    public static Path write(RunStore store, String run, Path dir) throws IOException {
        RunInfo info = store.info(run).orElseThrow(() -> new IllegalArgumentException("no run '" + run + "' in " + store.file()));
        RunProgress p = store.progress(run);
        List<EpisodeRecord> episodes = store.episodes(run);
        if (episodes.isEmpty()) throw new IllegalArgumentException("run '" + run + "' has no episodes yet: nothing to report");
        Files.createDirectories(dir);
        EpisodeRecord best = episodes.get((int) p.bestEpisode());
        Charts.save(Charts.reward(episodes), dir.resolve("reward.png"));
        for (Resource a : Resource.values()) Charts.save(Charts.front(episodes, p.front(a), best, a), dir.resolve("front-" + a.label() + ".png"));
        CompressionPlan plan = best.plan();
        Charts.save(Charts.layerBits(plan), dir.resolve("layer-bits.png"));
        Charts.save(Charts.layerSparsity(plan), dir.resolve("layer-sparsity.png"));
        Charts.save(Charts.kernelMap(plan, "Weight bits of every kernel of the best plan (32 = kept in float)",
                (l, k) -> l.weightBits(k), 1, 8, true), dir.resolve("kernel-bits.png"));
        Charts.save(Charts.kernelMap(plan, "Sparsity of every kernel of the best plan (% of its weights pruned)",
                (l, k) -> Math.round(100 * l.sparsity(k)), 0, 100, false), dir.resolve("kernel-sparsity.png"));
        Path html = dir.resolve("report.html");
        kernelwise.models.AtomicWrite.writeString(html, html(run, info, p, best, episodes));
        return html;
    }

    private static String html(String run, RunInfo info, RunProgress p, EpisodeRecord best, List<EpisodeRecord> episodes) throws IOException {
        SearchConfig config = SearchConfig.fromJson(info.configJson());
        String budget = config.env().budget().toText();
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Kernelwise report: ").append(esc(run)).append("</title>\n")
                .append("<style>body{font-family:sans-serif;max-width:1060px;margin:2em auto;line-height:1.45;color:#222}")
                .append("table{border-collapse:collapse;margin:.6em 0}td,th{border:1px solid #ccc;padding:3px 9px;text-align:left;vertical-align:top}td{word-break:break-word}")
                .append("th{background:#f2f2f2}img{max-width:100%;border:1px solid #ddd}code{background:#f4f4f4;padding:1px 4px}</style></head><body>\n");
        h.append("<h1>Kernelwise search report: ").append(esc(run)).append("</h1>\n");
        h.append(p("Kernelwise searched, for every kernel (a convolution's output channel or a dense layer's output unit) of model <b>"
                + esc(config.model()) + "</b> on <b>" + esc(config.data().toString()) + "</b>, how many bits its weights keep (1-8, or 32 = float)"
                + " and which fraction of them is pruned, plus the activation bits of every layer. Agent <b>" + esc(config.agent())
                + "</b> proposed one plan per episode; each plan was cut down to the budget <b>" + esc(budget) + "</b> (the cost may be at most that"
                + " fraction of the same network quantized to 8 bits everywhere), on hardware model <b>" + esc(config.env().hardware())
                + "</b>, then scored by its accuracy on held-out validation images. The reward trades accuracy against the budget; the best plan is"
                + " the one with the highest reward. Report written " + Instant.now() + "."));
        summary(h, run, p, best, JSON.readTree(info.provenanceJson()), config);
        chart(h, "reward.png", "Reward per episode", "Each dot is one episode's reward; the red line is the best reward found so far."
                + " A rising line means the agent kept finding better plans; a flat one late in the run means the search has settled.");
        chart(h, "front-latency.png", "Accuracy against latency", "Each grey dot is one episode's plan: its latency per image in cycles on the"
                + " hardware model (x) and its validation accuracy (y). The red staircase is the Pareto front: the plans no other plan beats on"
                + " both accuracy and latency. The green triangle is the best plan by reward."
                + (config.env().mode().projects() ? " In this run's mode (resource-constrained) every plan"
                + " is cut down to the budget before it is scored, so most plans sit at the budget's latency and differ in accuracy." : ""));
        chart(h, "front-energy.png", "Accuracy against energy", "The same plans against the energy per image (picojoules) on the hardware model.");
        chart(h, "front-size.png", "Accuracy against model size", "The same plans against the size of the packed weights in bits"
                + " (what a .kw export of the plan stores, sparse indices included).");
        chart(h, "layer-bits.png", "Bits per layer of the best plan", "For each layer: the mean weight bits over its kernels (blue)"
                + " and the bits of its input activations (orange). Layers the agent judged sensitive keep more bits.");
        chart(h, "layer-sparsity.png", "Sparsity per layer of the best plan", "For each layer: the mean fraction of weights pruned, in percent.");
        chart(h, "kernel-bits.png", "Weight bits of every kernel", "One cell per kernel, its number printed inside: red = few bits, green = many."
                + " Layers with more than " + Charts.KERNELS_PER_ROW + " kernels wrap over several rows (the row label gives the kernel range).");
        chart(h, "kernel-sparsity.png", "Sparsity of every kernel", "One cell per kernel: the percentage of its weights pruned (100 = kernel removed); red = heavily pruned, green = kept whole.");
        layerTable(h, best.plan());
        frontTable(h, p.front(Resource.LATENCY), episodes);
        h.append("<h2>Configuration</h2>\n").append(table(JSON.readTree(config.toJson())));
        h.append("<h2>Provenance</h2>\n").append(p("Where the run came from: seed, checksums and versions, recorded when it started."))
                .append(table(JSON.readTree(info.provenanceJson())));
        return h.append("</body></html>\n").toString();
    }

    private static void summary(StringBuilder h, String run, RunProgress p, EpisodeRecord best, JsonNode provenance, SearchConfig config) {
        Scores s = best.scores();
        String model = config.model(), dataset = config.data().toString();
        h.append("<h2>Outcome</h2>\n<table>");
        if (provenance.has("baselineAccuracy")) {
            h.append(row("uncompressed accuracy", String.format(Locale.ROOT, "%.2f%% on the same validation images (float network)",
                    100 * provenance.get("baselineAccuracy").asDouble())));
        }
        h
                .append(row("episodes", p.episodesDone() + " of " + p.targetEpisodes() + (p.finished() ? "" : " (unfinished)")))
                .append(row("search time", String.format(Locale.ROOT, "%.1f min (%.2f s per episode)", p.searchSeconds() / 60, p.searchSeconds() / p.episodesDone())))
                .append(row("best plan", "episode " + best.index()))
                .append(row("validation accuracy", String.format(Locale.ROOT, "%.2f%%", 100 * s.accuracy())))
                .append(row("cost relative to 8-bit", String.format(Locale.ROOT, "%.3f (budgeted resource)", s.relativeCost())))
                .append(row("latency", String.format(Locale.ROOT, "%.0f cycles, %.3g s per image (%s)", s.cycles(), s.seconds(), esc(s.hardware()))))
                .append(row("energy", String.format(Locale.ROOT, "%.4g pJ per image", s.energyPj())))
                .append(row("weights size", String.format(Locale.ROOT, "%d bits = %.1f KiB", s.storageBits(), s.storageBits() / 8192.0)))
                .append(row("reward", String.format(Locale.ROOT, "%.4f", s.reward())))
                .append("</table>\n")
                .append(p("To train the network into this plan and export it packed: <code>kernelwise export " + esc(run)
                        + " --best --out plan.json</code>, then <code>kernelwise finetune --model " + esc(model) + " --data " + esc(dataset)
                        + " --plan plan.json</code>."));
    }

    private static void layerTable(StringBuilder h, CompressionPlan plan) {
        h.append("<h2>The best plan, layer by layer</h2>\n<table><tr><th>layer</th><th>kernels</th><th>activation bits</th>"
                + "<th>weight bits: mean (min-max)</th><th>float kernels</th><th>mean sparsity</th><th>kernels removed</th></tr>\n");
        for (LayerPlan l : plan.layers()) {
            int[] bits = l.weightBits();
            long floats = Arrays.stream(bits).filter(b -> b == CompressionPlan.FLOAT_BITS).count();
            long removed = Arrays.stream(l.sparsity()).filter(x -> x >= 1.0).count();
            h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%d</td><td>%d</td><td>%.2f (%d-%d)</td><td>%d</td><td>%.1f%%</td><td>%d</td></tr>%n",
                    esc(l.layer()), l.kernels(), l.activationBits(), l.meanWeightBits(), Arrays.stream(bits).min().orElse(0),
                    Arrays.stream(bits).max().orElse(0), floats, 100 * l.meanSparsity(), removed));
        }
        h.append("</table>\n");
    }

    private static void frontTable(StringBuilder h, ParetoFront front, List<EpisodeRecord> episodes) {
        h.append("<h2>Pareto front, accuracy against latency</h2>\n")
                .append(p("Any of these plans can be exported with <code>kernelwise export RUN --episode N --out plan.json</code>."))
                .append("<table><tr><th>episode</th><th>accuracy</th><th>latency (cycles)</th><th>relative cost</th><th>size (bits)</th><th>reward</th></tr>\n");
        for (ParetoFront.Point pt : front.points()) {
            Scores s = episodes.get((int) pt.episode()).scores();
            h.append(String.format(Locale.ROOT, "<tr><td>%d</td><td>%.2f%%</td><td>%.0f</td><td>%.3f</td><td>%d</td><td>%.4f</td></tr>%n",
                    pt.episode(), 100 * s.accuracy(), s.cycles(), s.relativeCost(), s.storageBits(), s.reward()));
        }
        h.append("</table>\n");
    }

    private static void chart(StringBuilder h, String png, String title, String explanation) {
        h.append("<h2>").append(esc(title)).append("</h2>\n").append(p(explanation))
                .append("<img src=\"").append(png).append("\" alt=\"").append(esc(title)).append("\">\n");
    }

    private static String table(JsonNode o) {
        StringBuilder t = new StringBuilder("<table>");
        o.fields().forEachRemaining(f -> t.append(row(f.getKey(), f.getValue().isValueNode() ? esc(f.getValue().asText())
                : "<code>" + esc(f.getValue().toString()) + "</code>")));
        return t.append("</table>\n").toString();
    }

    private static String row(String k, String v) {
        return "<tr><th>" + esc(k) + "</th><td>" + v + "</td></tr>";
    }

    private static String p(String s) {
        return "<p>" + s + "</p>\n";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
