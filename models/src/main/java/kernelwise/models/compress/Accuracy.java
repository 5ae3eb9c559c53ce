package kernelwise.models.compress;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.MirroringPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;

/** Classification accuracy on one labelled set, split once into batches (views) and label indices. */
public final class Accuracy {

    private static final String WORKSPACE_ID = "kernelwise-accuracy";
    private static final WorkspaceConfiguration WORKSPACE = WorkspaceConfiguration.builder()
            .initialSize(0).overallocationLimit(0.2).policyAllocation(AllocationPolicy.OVERALLOCATE)
            .policyLearning(LearningPolicy.FIRST_LOOP).policyMirroring(MirroringPolicy.FULL).policySpill(SpillPolicy.REALLOCATE).build();

    private final List<INDArray> batches = new ArrayList<>();
    private final List<INDArray> labels = new ArrayList<>();
    private final int n;

    public Accuracy(DataSet data, int batchSize) {
        if (batchSize <= 0) throw new IllegalArgumentException("batch size must be positive, found " + batchSize);
        n = data.numExamples();
        if (n == 0) throw new IllegalArgumentException("evaluation set must not be empty");
        for (int from = 0; from < n; from += batchSize) {
            int to = Math.min(n, from + batchSize);
            batches.add(data.getFeatures().get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).dup('c'));
            labels.add(data.getLabels().get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).argMax(1));
        }
    }

    /**
     * Fraction of the set {@code net} classifies correctly. Each batch of the direct pass runs inside one reused ND4J
     * workspace, so its intermediate arrays are not allocated and freed per batch (DL4J's own output, for networks the
     * direct pass does not run, refuses to run inside one).
     */
    public double of(QuantizedNetwork net) {
        if (net instanceof QuantizedCopy) return outsideWorkspaces(net);
        long correct = 0;
        for (int b = 0; b < batches.size(); b++) {
            try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(WORKSPACE, WORKSPACE_ID)) {
                INDArray predicted = net.output(batches.get(b)).argMax(1);
                correct += predicted.eq(labels.get(b)).castTo(DataType.INT).sumNumber().longValue();
            }
        }
        return (double) correct / n;
    }

    private double outsideWorkspaces(QuantizedNetwork net) {
        long correct = 0;
        for (int b = 0; b < batches.size(); b++) {
            correct += net.output(batches.get(b)).argMax(1).eq(labels.get(b)).castTo(DataType.INT).sumNumber().longValue();
        }
        return (double) correct / n;
    }

    public int size() {
        return n;
    }
}
