package kernelwise.search.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A shared lock on a store file while it is read: refused when a writer (a search) holds it, and keeping writers out meanwhile. */
final class ReadLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private ReadLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static ReadLock take(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            FileLock l = ch.tryLock(0, Long.MAX_VALUE, true);
            if (l == null) throw RunStore.inUse(file, null);
            return new ReadLock(ch, l);
        } catch (OverlappingFileLockException e) {
            ch.close();
            throw RunStore.inUse(file, e);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            if (lock.isValid()) lock.release();
            channel.close();
        } catch (IOException ignored) {
            // closing a read-only channel: nothing was written that could be lost
        }
    }
}
