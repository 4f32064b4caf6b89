package dev.syscost;

/** Bad input from the user: the message names the rule, the value, and the fix. The CLI exits 2. */
public class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }

    /** Checks {@code min ≤ value ≤ max} for option {@code name}: "--trials must be between 1 and 1000: 0". */
    public static long requireRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new UsageException(name + " must be between " + min + " and " + max + ": " + value);
        }
        return value;
    }
}
