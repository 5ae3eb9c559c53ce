package kernelwise.models.data;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes IDX files of unsigned bytes, gzipped when the name ends in {@code .gz}. Used by tests and tools. */
public final class IdxWriter {
    private IdxWriter() {
    }

    /** Writes {@code idx} to {@code file}, replacing it. */
    public static void write(Path file, Idx idx) throws IOException {
        OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        if (file.getFileName().toString().endsWith(".gz")) raw = new GZIPOutputStream(raw, 1 << 16);
        try (DataOutputStream out = new DataOutputStream(raw)) {
            out.writeInt(idx.magic());
            for (int d : idx.dims()) out.writeInt(d);
            out.write(idx.data());
        }
    }
}
