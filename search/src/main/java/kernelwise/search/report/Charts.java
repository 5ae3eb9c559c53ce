package kernelwise.search.report;

import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.LayerPlan;
import kernelwise.env.Resource;
import kernelwise.search.store.EpisodeRecord;
import kernelwise.search.store.ParetoFront;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The report's charts, each written as a PNG. */
final class Charts {
    /** Kernels per heat-map row: long layers wrap onto several rows. */
    static final int KERNELS_PER_ROW = 40;
    private static final int W = 1000;
    private static final int H = 480;
    private static final Color RED = new Color(215, 48, 39);
    private static final Color YELLOW = new Color(254, 224, 139);
    private static final Color GREEN = new Color(26, 152, 80);

    private Charts() {
    }

    static void save(Chart<?, ?> chart, Path png) throws IOException {
        kernelwise.models.AtomicWrite.write(png, f -> {
            String name = f.toString();
            BitmapEncoder.saveBitmap(chart, name.substring(0, name.length() - ".png".length()), BitmapEncoder.BitmapFormat.PNG);
            return null;
        });
    }

    /** Reward of every episode and the best reward so far. */
    static XYChart reward(List<EpisodeRecord> episodes) {
        XYChart c = new XYChartBuilder().width(W).height(H).title("Reward per episode").xAxisTitle("episode").yAxisTitle("reward").build();
        style(c);
        double[] x = new double[episodes.size()], r = new double[x.length], best = new double[x.length];
        double b = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            x[i] = episodes.get(i).index();
            r[i] = episodes.get(i).scores().reward();
            b = Math.max(b, r[i]);
            best[i] = b;
        }
        XYSeries s = c.addSeries("reward of the episode", x, r);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(new Color(70, 130, 180, 150));
        XYSeries bs = c.addSeries("best so far", x, best);
        bs.setMarker(SeriesMarkers.NONE);
        bs.setLineColor(new Color(200, 60, 40));
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        return c;
    }

    /** Accuracy against one cost for every episode, with the Pareto front and the best plan marked. */
    static XYChart front(List<EpisodeRecord> episodes, ParetoFront front, EpisodeRecord best, Resource axis) {
        XYChart c = new XYChartBuilder().width(W).height(H).title("Accuracy vs " + axis.label() + " (" + axis.unit() + ")")
                .xAxisTitle(axis.label() + " (" + axis.unit() + ", lower is better)").yAxisTitle("validation accuracy (%)").build();
        style(c);
        XYSeries all = c.addSeries("all episodes", values(episodes, e -> e.scores().cost(axis)), values(episodes, e -> 100 * e.scores().accuracy()));
        all.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        all.setMarker(SeriesMarkers.CIRCLE);
        all.setMarkerColor(new Color(150, 150, 150, 140));
        double[] fx = front.points().stream().mapToDouble(ParetoFront.Point::cost).toArray();
        double[] fy = front.points().stream().mapToDouble(p -> 100 * p.accuracy()).toArray();
        XYSeries f = c.addSeries("Pareto front", fx, fy);
        f.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        f.setMarker(SeriesMarkers.DIAMOND);
        f.setLineColor(new Color(200, 60, 40));
        f.setMarkerColor(new Color(200, 60, 40));
        XYSeries b = c.addSeries("best reward (episode " + best.index() + ")", new double[]{best.scores().cost(axis)},
                new double[]{100 * best.scores().accuracy()});
        b.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        b.setMarker(SeriesMarkers.TRIANGLE_UP);
        b.setMarkerColor(new Color(30, 120, 30));
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE).setMarkerSize(9);
        return c;
    }

    /** Per layer of the plan: activation bits and mean weight bits. */
    static CategoryChart layerBits(CompressionPlan plan) {
        CategoryChart c = new CategoryChartBuilder().width(W).height(H).title("Bits per layer of the best plan")
                .xAxisTitle("layer").yAxisTitle("bits").build();
        style(c);
        List<String> names = layerNames(plan);
        c.addSeries("mean weight bits (float = 32)", names, layerValues(plan, LayerPlan::meanWeightBits));
        c.addSeries("activation bits", names, layerValues(plan, p -> p.activationBits()));
        double top = plan.layers().stream().mapToDouble(l -> Math.max(l.meanWeightBits(), l.activationBits())).max().orElse(8);
        c.getStyler().setYAxisMin(0.0).setYAxisMax(top > 8 ? 32.0 : 8.0).setLegendPosition(Styler.LegendPosition.OutsideS);
        return c;
    }

    /** Per layer of the plan: mean sparsity in percent. */
    static CategoryChart layerSparsity(CompressionPlan plan) {
        CategoryChart c = new CategoryChartBuilder().width(W).height(H).title("Sparsity per layer of the best plan")
                .xAxisTitle("layer").yAxisTitle("weights pruned (%)").build();
        style(c);
        c.addSeries("mean sparsity", layerNames(plan), layerValues(plan, p -> 100 * p.meanSparsity()));
        c.getStyler().setYAxisMin(0.0).setYAxisMax(100.0).setLegendVisible(false);
        return c;
    }

    /**
     * One cell per kernel, coloured by a per-kernel value; the first layer on top, long layers wrapping onto rows of
     * {@link #KERNELS_PER_ROW}.
     */
    static HeatMapChart kernelMap(CompressionPlan plan, String title, KernelValue value, double min, double max, boolean highIsGreen) {
        List<String> rows = new ArrayList<>();
        List<Number[]> cells = new ArrayList<>();
        for (LayerPlan l : plan.layers()) {
            for (int start = 0; start < l.kernels(); start += KERNELS_PER_ROW) {
                int end = Math.min(l.kernels(), start + KERNELS_PER_ROW);
                rows.add(l.kernels() <= KERNELS_PER_ROW ? l.layer() : l.layer() + " " + start + "-" + (end - 1));
                for (int k = start; k < end; k++) cells.add(new Number[]{k - start, rows.size() - 1, value.of(l, k)});
            }
        }
        int n = rows.size();
        for (Number[] cell : cells) cell[1] = n - 1 - cell[1].intValue();
        java.util.Collections.reverse(rows);
        List<Integer> cols = new ArrayList<>();
        int width = Math.min(KERNELS_PER_ROW, plan.layers().stream().mapToInt(LayerPlan::kernels).max().orElse(1));
        for (int i = 0; i < width; i++) cols.add(i);
        HeatMapChart c = new HeatMapChartBuilder().width(W).height(Math.max(260, 90 + 34 * rows.size())).title(title)
                .xAxisTitle("kernel (offset within the row)").yAxisTitle("layer").build();
        HeatMapStyler st = c.getStyler();
        st.setShowValue(true).setMin(min).setMax(max)
                .setRangeColors(highIsGreen ? new Color[]{RED, YELLOW, GREEN} : new Color[]{GREEN, YELLOW, RED});
        st.setHeatMapValueDecimalPattern("#");
        st.setValueFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 10));
        st.setPlotContentSize(1.0);
        st.setChartBackgroundColor(Color.WHITE);
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        c.addSeries("value", cols, rows, cells);
        return c;
    }

    /** A number per kernel of a layer plan. */
    interface KernelValue {
        Number of(LayerPlan layer, int kernel);
    }

    private static void style(Chart<?, ?> c) {
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setChartTitleFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 18));
    }

    private static double[] values(List<EpisodeRecord> episodes, ToDoubleFunction<EpisodeRecord> f) {
        return episodes.stream().mapToDouble(f).toArray();
    }

    private static List<String> layerNames(CompressionPlan plan) {
        return plan.layers().stream().map(LayerPlan::layer).toList();
    }

    private static List<Double> layerValues(CompressionPlan plan, ToDoubleFunction<LayerPlan> f) {
        return plan.layers().stream().map(l -> f.applyAsDouble(l)).toList();
    }
}
