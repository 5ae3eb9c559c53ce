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
 * a kernel's weight bits to the next level, then (at the lowest level) raise its sparsity to the next useful level;
 * lower a layer's activation bits to the next level. A sparsity level is useful for a layer if, with the whole layer
 * at the lowest weight bits, it costs strictly less than every smaller level (probed once on the hardware model): a
 * sparse bitmap costs more than it saves below some sparsity, and hardware that does not skip zeros gains nothing
 * from them in compute. The {@code j}-th move of an item with sensitivity {@code s} has the
 * priority {@code s*j}, so insensitive kernels take more moves, and every kernel pays more for each further move.
 * All moves, in that order, form one sequence; the projector bisects for the shortest prefix whose plan fits (a plan
 * that fits is returned even where cost is not monotone in the prefix, e.g. a bitmap costing more than it saves).
 * Then, most sensitive items first, moves are given back one at a time while the plan still fits (this undoes
 * moves that bought nothing on this hardware, e.g. 8 to 7 bits on BitFusion, whose speed-up only changes at 4 and
 * 2 bits); at most {@code 4 x items} such tries are made. A plan that already fits is returned unchanged.
 * Thread-safe: all working state is per call.
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
    private final double[][] usefulSparsity;

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
        this.usefulSparsity = probeSparsity();
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

    /** Per layer, the sparsity levels that lower the budgeted cost of a layer at the lowest weight bits. */
    private double[][] probeSparsity() {
        double[][] useful = new double[spec.size()][];
        CompressionPlan base = CompressionPlan.uniform(spec, weightLevels[0], Budget.REFERENCE_BITS, 0);
        for (int i = 0; i < spec.size(); i++) {
            LayerInfo l = spec.layer(i);
            double best = layerCost(base, i);
            double[] keep = new double[sparsityLevels.length];
            int n = 0;
            for (double s : sparsityLevels) {
                if (s == 0) continue;
                double c = layerCost(base.withLayer(i, LayerPlan.uniform(l.name(), l.kernels(), Budget.REFERENCE_BITS, weightLevels[0], s)), i);
                if (c < best) {
                    best = c;
                    keep[n++] = s;
                }
            }
            useful[i] = Arrays.copyOf(keep, n);
        }
        return useful;
    }

    private double layerCost(CompressionPlan plan, int layer) {
        return Budget.layerValues(budget.resource(), hardware.cost(spec, plan), spec, plan)[layer];
    }

    /** Every kernel at the lowest weight bits and its layer's cheapest sparsity, every layer at the lowest activation bits. */
    public CompressionPlan smallestPlan() {
        List<LayerPlan> layers = new ArrayList<>();
        for (int i = 0; i < spec.size(); i++) {
            double[] u = usefulSparsity[i];
            layers.add(LayerPlan.uniform(spec.layer(i).name(), spec.layer(i).kernels(), activationLevels[0], weightLevels[0], u.length == 0 ? 0 : u[u.length - 1]));
        }
        return CompressionPlan.of(spec, layers);
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
        if (!fits(moves.plan(moves.counts(hi)))) {
            throw new IllegalStateException("budget " + budget.toText() + " not met after every move; the feasibility check should have refused it");
        }
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (fits(moves.plan(moves.counts(mid)))) hi = mid;
            else lo = mid;
        }
        return giveBack(moves, moves.counts(hi));
    }

    /** Undoes moves, most sensitive items first, while the plan keeps fitting. */
    private CompressionPlan giveBack(Moves moves, int[] count) {
        CompressionPlan best = moves.plan(count);
        int tries = 4 * count.length;
        for (int it : moves.bySensitivityDescending()) {
            while (count[it] > 0 && tries-- > 0) {
                count[it]--;
                CompressionPlan p = moves.plan(count);
                if (!fits(p)) {
                    count[it]++;
                    break;
                }
                best = p;
            }
            if (tries <= 0) break;
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
                    spMoves[id] = above(usefulSparsity[i], p.sparsity(k));
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

        /** Moves per item in the first {@code prefix} moves. */
        int[] counts(int prefix) {
            int[] count = new int[itemLayer.length];
            for (int i = 0; i < prefix; i++) count[moveItem[i]]++;
            return count;
        }

        /** Item ids, most sensitive first. */
        List<Integer> bySensitivityDescending() {
            List<Integer> ids = new ArrayList<>(itemLayer.length);
            for (int i = 0; i < itemLayer.length; i++) ids.add(i);
            ids.sort((a, b) -> Double.compare(sensitivity(b), sensitivity(a)));
            return ids;
        }

        /** The start plan after {@code count[i]} moves of each item {@code i}. */
        CompressionPlan plan(int[] count) {
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
                if (c > nb) sp[k] = stepUp(usefulSparsity[i], sp[k], c - nb);
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
