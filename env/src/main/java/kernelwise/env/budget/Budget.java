package kernelwise.env.budget;

import kernelwise.env.Resource;
import kernelwise.env.Cost;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.NetworkSpec;
import kernelwise.env.hardware.SizeModel;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A limit on one resource as a fraction of the reference plan's cost (every weight and activation at 8 bits, no
 * sparsity): {@code latency=0.4} means at most 40% of the 8-bit plan's latency. Text form
 * {@code <latency|energy|size>=<fraction>}; {@code latency<=0.4x} is accepted too.
 *
 * @param resource the limited resource
 * @param fraction the limit relative to the reference plan, positive
 */
public record Budget(Resource resource, double fraction) {

    /** Bits of the reference plan's weights and activations. */
    public static final int REFERENCE_BITS = 8;
    private static final Pattern FORM = Pattern.compile("\\s*([a-zA-Z]+)\\s*(?:=|<=)\\s*([-+0-9.eE]+)\\s*[xX]?\\s*");

    public Budget {
        if (resource == null) throw new IllegalArgumentException("budget resource must be latency, energy or size, found null");
        if (!(fraction > 0) || Double.isInfinite(fraction)) {
            throw new IllegalArgumentException("budget fraction must be positive, found " + fraction);
        }
    }

    /** The budget written as {@code latency=0.4} (or {@code latency<=0.4x}). */
    public static Budget parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        String hint = "budget must look like 'latency=0.4' (latency, energy or size = fraction of the 8-bit plan's cost), found '" + text + "'";
        if (!m.matches()) throw new IllegalArgumentException(hint);
        Resource r;
        double f;
        try {
            r = Resource.valueOf(m.group(1).toUpperCase(Locale.ROOT));
            f = Double.parseDouble(m.group(2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(hint, e);
        }
        if (!(f > 0) || Double.isInfinite(f)) throw new IllegalArgumentException("budget fraction must be positive, found '" + m.group(2) + "' in '" + text + "'");
        return new Budget(r, f);
    }

    /** The text form, {@code parse(toText())} gives this budget back. */
    public String toText() {
        return resource.name().toLowerCase(Locale.ROOT) + "=" + fraction;
    }

    /** The reference plan: 8-bit weights and activations, no sparsity. */
    public static CompressionPlan referencePlan(NetworkSpec spec) {
        return CompressionPlan.uniform(spec, REFERENCE_BITS, REFERENCE_BITS, 0.0);
    }

    /** The largest allowed value of the resource given the reference plan's cost. */
    public double limit(Cost reference) {
        return fraction * reference.of(resource);
    }

    /** Whether {@code cost} meets this budget (a relative tolerance of 1e-9 absorbs rounding). */
    public boolean fits(Cost cost, Cost reference) {
        return cost.of(resource) <= limit(reference) * (1 + 1e-9);
    }

    /** Each layer's share of the resource in {@code cost} (per-layer storage from the plan for {@code size}). */
    public static double[] layerValues(Resource r, Cost cost, NetworkSpec spec, CompressionPlan plan) {
        return switch (r) {
            case LATENCY -> cost.layerCycles();
            case ENERGY -> cost.layerEnergyPj();
            case SIZE -> SizeModel.layerBits(spec, plan);
        };
    }

    @Override
    public String toString() {
        return toText();
    }
}
