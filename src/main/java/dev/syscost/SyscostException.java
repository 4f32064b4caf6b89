package dev.syscost;

/** A run that could not complete for a reason outside the user's input; the message names the fix. The CLI exits 1. */
public class SyscostException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SyscostException(String message) {
        super(message);
    }

    public SyscostException(String message, Throwable cause) {
        super(message, cause);
    }
}
