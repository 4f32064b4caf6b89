package dev.syscost.sys;

/** A failed native call: carries errno, its name, and a hint that names the fix where one is known. */
public final class NativeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String call;
    private final int errno;
    private final String hint;

    public NativeException(String call, int errno, String hint) {
        super(message(call, errno, hint));
        this.call = call;
        this.errno = errno;
        this.hint = hint;
    }

    private static String message(String call, int errno, String hint) {
        String base = call + " failed: " + Errno.name(errno) + " (" + Errno.description(errno) + ")";
        return hint == null || hint.isEmpty() ? base : base + "; " + hint;
    }

    public String call() {
        return call;
    }

    public int errno() {
        return errno;
    }

    public String errnoName() {
        return Errno.name(errno);
    }

    /** What would make the call succeed, or an empty string. */
    public String hint() {
        return hint == null ? "" : hint;
    }
}
