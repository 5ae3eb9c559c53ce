package kernelwise.models.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdxReaderTest {
    @TempDir
    Path dir;

    private static Idx images(int n, long seed) {
        byte[] data = new byte[n * 28 * 28];
        new Random(seed).nextBytes(data);
        return new Idx(Idx.IMAGES, new int[]{n, 28, 28}, data);
    }

    @Test
    void givenRawImageFile_whenWrittenAndRead_thenSameDimsAndBytes() throws IOException {
        Idx idx = images(7, 1);
        Path f = dir.resolve("imgs-idx3-ubyte");
        IdxWriter.write(f, idx);
        Idx back = IdxReader.readImages(f);
        assertArrayEquals(new int[]{7, 28, 28}, back.dims());
        assertArrayEquals(idx.data(), back.data());
        assertEquals(16 + 7 * 784, Files.size(f));
    }

    @Test
    void givenGzippedLabelFile_whenWrittenAndRead_thenSameLabels() throws IOException {
        Idx idx = new Idx(Idx.LABELS, new int[]{5}, new byte[]{0, 9, 3, (byte) 200, 1});
        Path f = dir.resolve("labels-idx1-ubyte.gz");
        IdxWriter.write(f, idx);
        Idx back = IdxReader.readLabels(f);
        assertArrayEquals(idx.data(), back.data());
        assertEquals(0x1f, Files.readAllBytes(f)[0] & 0xFF, "a .gz file is written gzipped");
    }

    @Test
    void givenTruncatedRawFile_whenRead_thenRejectedNamingFileAndByteCounts() throws IOException {
        Path f = dir.resolve("short-idx3-ubyte");
        IdxWriter.write(f, images(3, 2));
        byte[] all = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(all, all.length - 10));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(f));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("expected 2352 data bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("found 2342"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void givenTruncatedGzipFile_whenRead_thenRejected() throws IOException {
        Path f = dir.resolve("short-idx3-ubyte.gz");
        IdxWriter.write(f, images(50, 3));
        byte[] all = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(all, all.length / 2));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(f));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    }

    @Test
    void givenLabelFile_whenReadAsImages_thenWrongMagicNamesBoth() throws IOException {
        Path f = dir.resolve("labels-idx1-ubyte");
        IdxWriter.write(f, new Idx(Idx.LABELS, new int[]{2}, new byte[]{1, 2}));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(f));
        assertEquals(f + ": expected magic 0x00000803, found magic 0x00000801", e.getMessage());
    }

    @Test
    void givenTrailingBytes_whenRead_thenRejected() throws IOException {
        Path f = dir.resolve("long-idx1-ubyte");
        IdxWriter.write(f, new Idx(Idx.LABELS, new int[]{2}, new byte[]{1, 2}));
        Files.write(f, new byte[]{7}, java.nio.file.StandardOpenOption.APPEND);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(f));
        assertTrue(e.getMessage().contains("trailing"), e.getMessage());
    }

    @Test
    void givenFileShorterThanHeader_whenRead_thenRejected() throws IOException {
        Path f = dir.resolve("tiny-idx3-ubyte");
        Files.write(f, new byte[]{0, 0, 8, 3, 0, 0});
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(f));
        assertTrue(e.getMessage().contains("found end of file"), e.getMessage());
    }
}
