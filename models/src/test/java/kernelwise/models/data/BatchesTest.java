package kernelwise.models.data;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class BatchesTest {
    private static DataSet numbered(int n) {
        INDArray f = Nd4j.arange(n).reshape(n, 1).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
        return new DataSet(f, f.dup());
    }

    private static List<Integer> pass(Batches b) {
        List<Integer> ids = new ArrayList<>();
        while (b.hasNext()) {
            DataSet d = b.next();
            for (int i = 0; i < d.numExamples(); i++) ids.add((int) d.getFeatures().getFloat(i, 0));
        }
        return ids;
    }

    @Test
    void givenSameSeed_whenShuffled_thenSameOrderEachPassAndNewOrderNextPass() {
        Batches a = Batches.shuffled(numbered(100), 32, 7);
        Batches b = Batches.shuffled(numbered(100), 32, 7);
        List<Integer> a0 = pass(a);
        assertEquals(a0, pass(b));
        assertEquals(100, a0.stream().distinct().count());
        assertNotEquals(a0.subList(0, 20), List.copyOf(new java.util.TreeSet<>(a0)).subList(0, 20));
        a.reset();
        b.reset();
        List<Integer> a1 = pass(a);
        assertEquals(a1, pass(b));
        assertNotEquals(a0, a1);
        assertEquals(4, a.batchesPerPass());
    }

    @Test
    void givenOrdered_whenIterated_thenDataSetOrderWithShortLastBatch() {
        Batches b = Batches.ordered(numbered(10), 4);
        List<Integer> ids = pass(b);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), ids);
    }
}
