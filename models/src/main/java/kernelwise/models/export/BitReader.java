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

    long position() {
        return position;
    }
}
