package kernelwise.models.attach;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.layers.LayerConstraint;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * An attached layer's constraint list: the user's own constraints (the list's elements) and, for DL4J's
 * {@code AbstractLayer.applyConstraints} alone (which runs after every updater step and iterates this list), last the
 * plan's mask. Every other reader (DL4J's JSON writer, which types the property statically and iterates it, copies,
 * {@code get}, {@code size}) sees the user's constraints only, so a saved configuration names no Kernelwise class.
 */
final class PlanConstraints extends ArrayList<LayerConstraint> {

    private static final long serialVersionUID = 1L;

    private final transient LayerConstraint mask;

    PlanConstraints(List<LayerConstraint> users, LayerHook hook) {
        super(users == null ? List.of() : users);
        this.mask = new Mask(hook);
    }

    /** The user's constraints, then, when DL4J's {@code applyConstraints} iterates, the plan's mask. */
    @Override
    public Iterator<LayerConstraint> iterator() {
        Iterator<LayerConstraint> users = super.iterator();
        if (!APPLYING.equals(caller())) return users;
        return new Iterator<>() {
            private boolean maskDone;

            @Override
            public boolean hasNext() {
                return users.hasNext() || !maskDone;
            }

            @Override
            public LayerConstraint next() {
                if (users.hasNext()) return users.next();
                if (maskDone) throw new java.util.NoSuchElementException();
                maskDone = true;
                return mask;
            }
        };
    }

    private static final String APPLYING = "org.deeplearning4j.nn.layers.AbstractLayer.applyConstraints";
    private static final StackWalker STACK = StackWalker.getInstance();

    /** The class and method that called {@link #iterator}. */
    private static String caller() {
        return STACK.walk(frames -> frames.skip(2).findFirst().map(f -> f.getClassName() + "." + f.getMethodName()).orElse(""));
    }

    /** The user's constraints as a plain list. */
    List<LayerConstraint> users() {
        List<LayerConstraint> out = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) out.add(get(i));
        return out;
    }

    /** Keeps the plan's pruned weights at zero, and their updater state, after every update. */
    private record Mask(LayerHook hook) implements LayerConstraint {
        @Override
        public void applyConstraint(Layer layer, int iteration, int epoch) {
            hook.afterUpdate(layer);
        }

        @Override
        public void setParams(Set<String> params) {
            throw new UnsupportedOperationException("the plan's mask applies to W and b");
        }

        @Override
        public Set<String> getParams() {
            return Set.of("W", "b");
        }

        @Override
        public LayerConstraint clone() {
            return this;
        }
    }
}
