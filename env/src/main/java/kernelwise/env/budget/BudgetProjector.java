package kernelwise.env.budget;

import kernelwise.env.Cost;
import kernelwise.env.hardware.HardwareModel;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.LayerInfo;
import kernelwise.models.plan.LayerPlan;
import kernelwise.models.plan.NetworkSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Makes a plan meet a {@link Budget} by compressing the least sensitive parts first. The moves available are: lower
 * a kernel's weight bits to the next level, then (at the lowest level) raise its sparsity to the next level; lower
 * a layer's activation bits to the next level. The {@code j}-th move of an item with sensitivity {@code s} has the
 * priority {@code s*j}, so insensitive kernels take more moves, and every kernel pays more for each further move.
 * All moves, in that order, form one sequence; the projector bisects for the shortest prefix whose plan fits (a plan
 * that fits is returned even where cost is not monotone in the prefix, e.g. a bitmap costing more than it saves).
 * A plan that already fits is returned unchanged. Thread-safe: all working state is per call.
 */
public final class BudgetProjector {

    private final NetworkSpec spec;
    private final HardwareModel hardware;
    private final Budget budget;
    private final Cost reference;
    private final double[][] kernelSensitivity;
    private final double[] activationSensitivity;
    private final int[] weightLevels;
    private final int[] activationLevels;
    private final double[] sparsityLevels;

    /**
     * @param sensitivity      per layer and kernel, positive: larger means compressed later
     *                         ({@link Sensitivity#of})
     * @param weightLevels     the weight bits a move may go down to
     * @param activationLevels the activation bits a move may go down to
     * @param sparsityLevels   the sparsities a move may go up to
     * @throws IllegalArgumentException if even the smallest plan the levels allow misses the budget
     */
    public BudgetProjector(NetworkSpec spec, HardwareModel hardware, Budget budget, double[][] sensitivity,
                           int[] weightLevels, int[] activationLevels, double[] sparsityLevels) {
        this.spec = spec;
        this.hardware = hardware;
        this.budget = budget;
        this.reference = hardware.cost(spec, Budget.referencePlan(spec));
        this.kernelSensitivity = sensitivity;
        this.activationSensitivity = new double[spec.size()];
        for (int i = 0; i < spec.size(); i++) activationSensitivity[i] = 2 * Arrays.stream(sensitivity[i]).max().orElse(1);
        this.weightLevels = sortedCopy(weightLevels);
        this.activationLevels = sortedCopy(activationLevels);
        this.sparsityLevels = sparsityLevels.clone();
        Arrays.sort(this.sparsityLevels);
        if (!hardware.resources().contains(budget.resource())) {
            throw new IllegalArgumentException("hardware " + hardware.name() + " does not model " + budget.resource()
                    + "; it models " + hardware.resources() + ", found budget " + budget.toText());
        }
        checkFeasible();
    }

    private static int[] sortedCopy(int[] a) {
        int[] c = a.clone();
        Arrays.sort(c);
        return c;
    }

    private void checkFeasible() {
        CompressionPlan smallest = smallestPlan();
        Cost c = hardware.cost(spec, smallest);
        if (!budget.fits(c, reference)) {
            throw new IllegalArgumentException("budget " + budget.toText() + " cannot be met on " + hardware.name()
                    + ": the smallest plan the bit and sparsity levels allow costs " + c.of(budget.resource()) / reference.of(budget.resource())
                    + " of the 8-bit plan");
        }
    }

    /** Every kernel at the lowest weight bits and highest sparsity, every layer at the lowest activation bits. */
    public CompressionPlan smallestPlan() {
        return CompressionPlan.uniform(spec, weightLevels[0], activationLevels[0], sparsityLevels[sparsityLevels.length - 1]);
    }

    public Budget budget() {
        return budget;
    }

    /** The reference (8-bit) plan's cost. */
    public Cost reference() {
        return reference;
    }

    /** Whether {@code plan} meets the budget. */
    public boolean fits(CompressionPlan plan) {
        return budget.fits(hardware.cost(spec, plan), reference);
    }

    /** {@code plan} if it fits, else the plan after the shortest prefix of moves that fits. */
    public CompressionPlan project(CompressionPlan plan) {
        plan.checkAgainst(spec);
        if (fits(plan)) return plan;
        Moves moves = new Moves(plan);
        int lo = 0;
        int hi = moves.size();
        CompressionPlan best = moves.apply(hi);
        if (!fits(best)) throw new IllegalStateException("budget " + budget.toText() + " not met after every move; the feasibility check should have refused it");
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            CompressionPlan p = moves.apply(mid);
            if (fits(p)) {
                hi = mid;
                best = p;
            } else {
                lo = mid;
            }
        }
        return best;
    }

    /** The ordered move sequence from one starting plan, and the plan after any prefix of it. */
    private final class Moves {
        private final CompressionPlan start;
        private final int[][] itemIndex;     // per layer: item id of each kernel; activation item ids after kernels
        private final int[] itemLayer;
        private final int[] itemKernel;      // -1 for an activation item
        private final int[] bitMoves;        // weight (or activation) levels below the start
        private final int[] spMoves;         // sparsity levels above the start (kernels only)
        private final int[] moveItem;        // sorted sequence of moves, by item

        Moves(CompressionPlan start) {
            this.start = start;
            int items = spec.totalKernels() + spec.size();
            itemIndex = new int[spec.size()][];
            itemLayer = new int[items];
            itemKernel = new int[items];
            bitMoves = new int[items];
            spMoves = new int[items];
            int id = 0;
            for (int i = 0; i < spec.size(); i++) {
                LayerPlan p = start.layer(i);
                itemIndex[i] = new int[spec.layer(i).kernels()];
                for (int k = 0; k < itemIndex[i].length; k++, id++) {
                    itemIndex[i][k] = id;
                    itemLayer[id] = i;
                    itemKernel[id] = k;
                    bitMoves[id] = below(weightLevels, p.weightBits(k));
                    spMoves[id] = above(sparsityLevels, p.sparsity(k));
                }
                itemLayer[id] = i;
                itemKernel[id] = -1;
                bitMoves[id] = below(activationLevels, p.activationBits());
                id++;
            }
            moveItem = order(items);
        }

        private int[] order(int items) {
            int total = 0;
            for (int it = 0; it < items; it++) total += bitMoves[it] + spMoves[it];
            long[] keyed = new long[total];
            int[] item = new int[total];
            int m = 0;
            for (int it = 0; it < items; it++) {
                double s = sensitivity(it);
                for (int j = 1; j <= bitMoves[it] + spMoves[it]; j++, m++) {
                    keyed[m] = ((long) Float.floatToIntBits((float) (s * j)) << 32) | m;
                    item[m] = it;
                }
            }
            Arrays.sort(keyed);
            int[] out = new int[total];
            for (int i = 0; i < total; i++) out[i] = item[(int) keyed[i]];
            return out;
        }

        private double sensitivity(int it) {
            int k = itemKernel[it];
            return k < 0 ? activationSensitivity[itemLayer[it]] : kernelSensitivity[itemLayer[it]][k];
        }

        int size() {
            return moveItem.length;
        }

        CompressionPlan apply(int prefix) {
            int[] count = new int[itemLayer.length];
            for (int i = 0; i < prefix; i++) count[moveItem[i]]++;
            List<LayerPlan> layers = new ArrayList<>(spec.size());
            for (int i = 0; i < spec.size(); i++) layers.add(layer(i, count));
            return new CompressionPlan(start.schemaVersion(), start.network(), layers);
        }

        private LayerPlan layer(int i, int[] count) {
            LayerInfo l = spec.layer(i);
            LayerPlan p = start.layer(i);
            int[] bits = p.weightBits();
            double[] sp = p.sparsity();
            for (int k = 0; k < l.kernels(); k++) {
                int c = count[itemIndex[i][k]];
                if (c == 0) continue;
                int nb = bitMoves[itemIndex[i][k]];
                bits[k] = stepDown(weightLevels, bits[k], Math.min(c, nb));
                if (c > nb) sp[k] = stepUp(sparsityLevels, sp[k], c - nb);
            }
            int actItem = itemIndex[i].length == 0 ? -1 : itemIndex[i][l.kernels() - 1] + 1;
            int act = stepDown(activationLevels, p.activationBits(), count[actItem]);
            return new LayerPlan(p.layer(), act, bits, sp);
        }
    }

    /** Number of levels strictly below {@code v}. */
    static int below(int[] levels, int v) {
        int n = 0;
        for (int x : levels) if (x < v) n++;
        return n;
    }

    /** Number of levels strictly above {@code v}. */
    static int above(double[] levels, double v) {
        int n = 0;
        for (double x : levels) if (x > v) n++;
        return n;
    }

    /** The level {@code steps} levels below {@code v} (levels ascending). */
    static int stepDown(int[] levels, int v, int steps) {
        if (steps == 0) return v;
        return levels[below(levels, v) - steps];
    }

    /** The level {@code steps} levels above {@code v} (levels ascending). */
    static double stepUp(double[] levels, double v, int steps) {
        return levels[levels.length - above(levels, v) + steps - 1];
    }
}
