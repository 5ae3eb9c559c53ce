package kernelwise.search.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Damages a store file the way a bad disk or a stray write would: bytes of one stored episode changed in place. */
public final class StoreDamage {
    private StoreDamage() {
    }

    /**
     * Overwrites, in the file, {@code length} bytes of the record of episode {@code index} of {@code run} from its
     * byte {@code offset} on with {@code value}; fails if the record is not found in the file as one piece.
     */
    public static void overwriteEpisode(Path file, String run, long index, int offset, int length, byte value) throws IOException {
        byte[] record;
        try (RunStore s = RunStore.openReadOnly(file)) {
            record = EpisodeCodec.encode(s.episode(run, index));
        }
        byte[] all = Files.readAllBytes(file);
        int at = find(all, record);
        if (at < 0) throw new IllegalStateException("episode " + index + " not found in " + file + " as one piece");
        Arrays.fill(all, at + offset, at + offset + length, value);
        Files.write(file, all);
    }

    private static int find(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
