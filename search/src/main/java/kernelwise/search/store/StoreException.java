package kernelwise.search.store;

import java.io.IOException;

/** A store file that cannot be used: in use by another process, written by a newer schema, or not a run store. */
public class StoreException extends IOException {

    /** Why the file is refused. */
    public enum Reason { IN_USE, NEWER_SCHEMA, CORRUPT, READ_ONLY }

    private final Reason reason;

    public StoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
