package kernelwise.models.export;

import java.io.ByteArrayOutputStream;

/** Writes values of 1..32 bits, most significant bit first, into a byte stream; {@link #pad()} aligns to a byte. */
final class BitWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private long buffer;
    private int count;
    private long bits;

    void write(long value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            buffer = (buffer << 1) | ((value >>> i) & 1L);
            if (++count == 8) {
                out.write((int) buffer);
                buffer = 0;
                count = 0;
            }
        }
        bits += width;
    }

    /** Writes the {@code width} low bits of a non-negative {@code value}, most significant first. */
    void write(java.math.BigInteger value, int width) {
        if (value.signum() < 0 || value.bitLength() > width) throw new IllegalArgumentException(value.bitLength() + "-bit value does not fit " + width + " bits");
        for (int i = width - 1; i >= 0; i--) write(value.testBit(i) ? 1 : 0, 1);
    }

    /** Bits written so far (before padding). */
    long bits() {
        return bits;
    }

    void pad() {
        if (count > 0) write(0, 8 - count);
    }

    byte[] toByteArray() {
        pad();
        return out.toByteArray();
    }
}
