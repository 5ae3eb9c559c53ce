package kernelwise.search.store;

import kernelwise.env.Level;
import kernelwise.models.plan.CompressionPlan;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/** The binary form of an {@link EpisodeRecord}: a format byte, then deflated fields, plan as JSON, trajectory as floats. */
final class EpisodeCodec {
    private static final int FORMAT = 1;

    private EpisodeCodec() {
    }

    static byte[] encode(EpisodeRecord r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        bytes.write(FORMAT);
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes, new Deflater(Deflater.BEST_SPEED)))) {
            out.writeLong(r.index());
            out.writeDouble(r.agentSeconds());
            out.writeDouble(r.scoreSeconds());
            out.writeDouble(r.wallSeconds());
            out.writeLong(r.finishedMillis());
            writeScores(out, r.scores());
            byte[] plan = r.plan().toJson().getBytes(StandardCharsets.UTF_8);
            out.writeInt(plan.length);
            out.write(plan);
            writeTrajectory(out, r.trajectory());
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory write failed", e);
        }
        return bytes.toByteArray();
    }

    /** Whether {@code data} begins as an encoded episode does (its format byte, then a deflate stream's header). */
    static boolean plausible(byte[] data) {
        return data != null && data.length > 3 && data[0] == FORMAT && (data[1] & 0x0F) == 8 && ((data[1] & 0xFF) << 8 | data[2] & 0xFF) % 31 == 0;
    }

    static EpisodeRecord decode(byte[] data) throws IOException {
        if (data.length == 0 || data[0] != FORMAT) {
            throw new IOException("stored episode has unknown format " + (data.length == 0 ? "(empty)" : data[0]));
        }
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(data, 1, data.length - 1)))) {
            long index = in.readLong();
            double agent = in.readDouble(), score = in.readDouble(), wall = in.readDouble();
            long finished = in.readLong();
            Scores scores = readScores(in);
            byte[] plan = in.readNBytes(in.readInt());
            Trajectory t = readTrajectory(in);
            return new EpisodeRecord(index, CompressionPlan.fromJson(new String(plan, StandardCharsets.UTF_8)), scores, t,
                    agent, score, wall, finished);
        }
    }

    private static void writeScores(DataOutputStream out, Scores s) throws IOException {
        out.writeDouble(s.accuracy());
        out.writeUTF(s.hardware());
        out.writeDouble(s.cycles());
        out.writeDouble(s.seconds());
        out.writeDouble(s.energyPj());
        out.writeLong(s.storageBits());
        out.writeDouble(s.relativeCost());
        out.writeDouble(s.reward());
    }

    private static Scores readScores(DataInputStream in) throws IOException {
        return new Scores(in.readDouble(), in.readUTF(), in.readDouble(), in.readDouble(), in.readDouble(),
                in.readLong(), in.readDouble(), in.readDouble());
    }

    private static void writeTrajectory(DataOutputStream out, Trajectory t) throws IOException {
        out.writeInt(t.steps());
        for (int i = 0; i < t.steps(); i++) {
            out.writeByte(t.level(i).ordinal());
            writeFloats(out, t.observation(i));
            writeFloats(out, t.action(i));
            out.writeFloat(t.reward(i));
        }
    }

    private static Trajectory readTrajectory(DataInputStream in) throws IOException {
        int n = in.readInt();
        Level[] levels = new Level[n];
        float[][] obs = new float[n][];
        float[][] act = new float[n][];
        float[] rew = new float[n];
        for (int i = 0; i < n; i++) {
            levels[i] = Level.values()[in.readByte()];
            obs[i] = readFloats(in);
            act[i] = readFloats(in);
            rew[i] = in.readFloat();
        }
        return new Trajectory(levels, obs, act, rew);
    }

    private static void writeFloats(DataOutputStream out, float[] f) throws IOException {
        out.writeShort(f.length);
        for (float v : f) out.writeFloat(v);
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        float[] f = new float[in.readUnsignedShort()];
        for (int i = 0; i < f.length; i++) f[i] = in.readFloat();
        return f;
    }
}
