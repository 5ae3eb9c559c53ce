package kernelwise.models.data;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataSpecTest {

    @Test
    void givenEachForm_whenParsedAndWritten_thenTheTextRoundTrips() {
        for (String text : new String[]{"mnist", "fashion-mnist", "digits", "java:mine",
                "csv:iris.csv,label=species,validation=0.2,test=0.2,seed=3",
                "npy:train=x.npy+y.npy,test=xt.npy+yt.npy,layout=nhwc",
                "idx:train=a-idx3-ubyte.gz+b-idx1-ubyte.gz,validation=0.1",
                "dataset:train=dir/train-*.bin,validation=dir/val.bin,test=dir/test.bin,name=mine"}) {
            assertEquals(text, DataSpec.parse(text).toString());
            assertEquals(DataSpec.parse(text), DataSpec.parse(DataSpec.parse(text).toString()));
        }
    }

    @Test
    void givenBarePath_whenParsed_thenItIsTheOneSet() {
        DataSpec s = DataSpec.parse("csv:data/t.csv, label=0");
        assertEquals("data/t.csv", s.option("all"));
        assertEquals("0", s.option("label"));
    }

    @Test
    void givenRelativePaths_whenMadeAbsolute_thenEveryFileIsAndFractionsStay() {
        DataSpec s = DataSpec.parse("npy:train=x.npy+y.npy,validation=0.2").absolute(Path.of("/base"));
        assertEquals("/base/x.npy+/base/y.npy", s.option("train"));
        assertEquals("0.2", s.option("validation"));
    }

    @Test
    void givenBadSpecs_whenParsed_thenEachIsRefusedNamingTheProblem() {
        assertMessage("unknown data set or format 'cifar'", "cifar");
        assertMessage("unknown data option 'colour'", "csv:a.csv,colour=red");
        assertMessage("either one set (a bare path) or train=FILES, found neither", "csv:label=3");
        assertMessage("npy train= needs FEATURES+LABELS files, found 'x.npy'", "npy:train=x.npy");
        assertMessage("validation fraction must be in (0, 1), found 1.5", "csv:a.csv,validation=1.5");
        assertMessage("with one set, test= is a fraction", "csv:a.csv,test=b.csv");
        assertMessage("layout must be nhwc or nchw, found 'hwc'", "npy:x.npy+y.npy,layout=hwc");
        assertMessage("label= and header= are csv options", "npy:x.npy+y.npy,label=2");
        assertMessage("a feature shape is F or CxHxW", "csv:a.csv,shape=3by32");
        assertMessage("takes no options", "mnist:a=b");
    }

    private static void assertMessage(String part, String spec) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataSpec.parse(spec));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    @Test
    void givenOneSeed_whenSplitTwice_thenThePartsAreTheSameAndCoverThePool() {
        int[][] a = new FractionSplit(0.2, 0.1, 5).indices(100), b = new FractionSplit(0.2, 0.1, 5).indices(100);
        assertEquals(java.util.Arrays.deepToString(a), java.util.Arrays.deepToString(b));
        assertEquals(70, a[0].length);
        assertEquals(20, a[1].length);
        assertEquals(10, a[2].length);
        assertEquals(100, java.util.stream.IntStream.concat(java.util.Arrays.stream(a[0]),
                java.util.stream.IntStream.concat(java.util.Arrays.stream(a[1]), java.util.Arrays.stream(a[2]))).distinct().count());
        assertTrue(!java.util.Arrays.equals(a[1], new FractionSplit(0.2, 0.1, 6).indices(100)[1]));
    }
}
