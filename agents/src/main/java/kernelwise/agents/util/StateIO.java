package kernelwise.agents.util;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Agent state as bytes: a header (magic, format version, agent name) and the agent's own sections. */
public final class StateIO {
    private static final int MAGIC = 0x4B574147; // "KWAG"
    private static final int VERSION = 1;

    private StateIO() {
    }

    /** What an agent writes after the header. */
    @FunctionalInterface
    public interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    /** What an agent reads after the header. */
    @FunctionalInterface
    public interface Reader {
        void read(DataInputStream in) throws IOException;
    }

    public static byte[] save(String agent, Writer body) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(agent);
            body.write(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the state of agent " + agent + " to memory failed", e);
        }
    }

    /** @throws IllegalArgumentException if the bytes are not a state of {@code agent} in this format */
    public static void restore(String agent, byte[] state, Reader body) {
        if (state == null) throw new IllegalArgumentException("state of agent " + agent + " must not be null");
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(state));
            int magic = in.readInt();
            if (magic != MAGIC) throw new IllegalArgumentException("not an agent state (magic " + Integer.toHexString(magic) + ")");
            int version = in.readInt();
            if (version != VERSION) throw new IllegalArgumentException("agent state format " + version + " is not supported, expected " + VERSION);
            String name = in.readUTF();
            if (!name.equals(agent)) throw new IllegalArgumentException("state was written by agent '" + name + "', not '" + agent + "'");
            body.read(in);
            if (in.available() != 0) throw new IllegalArgumentException("agent state has " + in.available() + " unread bytes");
        } catch (IOException e) {
            throw new IllegalArgumentException("agent state of " + agent + " is truncated or corrupt: " + e.getMessage(), e);
        }
    }
}
