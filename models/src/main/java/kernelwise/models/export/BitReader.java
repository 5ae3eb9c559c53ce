package kernelwise.models.export;

/** Reads values written by {@link BitWriter}; refuses to read past the end. */
final class BitReader {
    private final byte[] data;
    private long position;

    BitReader(byte[] data) {
        this.data = data;
    }

    long read(int width) throws KwFormatException {
        if (position + width > 8L * data.length) {
            throw new KwFormatException("layer payload ends early: needs bit " + (position + width) + " of " + 8L * data.length);
        }
        long v = 0;
        for (int i = 0; i < width; i++, position++) {
            int bit = (data[(int) (position >>> 3)] >>> (7 - (position & 7))) & 1;
            v = (v << 1) | bit;
        }
        return v;
    }

    /** Reads a {@code width}-bit unsigned number of any width. */
    java.math.BigInteger readBig(int width) throws KwFormatException {
        if (position + width > 8L * data.length) {
            throw new KwFormatException("layer payload ends early: needs bit " + (position + width) + " of " + 8L * data.length);
        }
        byte[] magnitude = new byte[(width + 7) / 8 + 1];
        int lead = 8 * (magnitude.length - 1) - width;
        for (int i = 0; i < width; i++, position++) {
            int bit = (data[(int) (position >>> 3)] >>> (7 - (position & 7))) & 1;
            int at = lead + i;
            magnitude[1 + at / 8] |= (byte) (bit << (7 - at % 8));
        }
        return new java.math.BigInteger(magnitude);
    }

    long position() {
        return position;
    }
}
