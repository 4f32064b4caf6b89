package dev.syscost.profile.stacks;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One resolved stack frame.
 *
 * @param symbol the function or Java method ({@code [unknown]} where nothing names the address)
 * @param module the file the code lives in ({@code libc.so.6}), {@code [jit]} for JVM-compiled code,
 *               {@code [anon]} for other anonymous memory
 * @param kind   {@code java} (application JIT code), {@code jdk} (java.*, jdk.*, sun.* and the JDK's
 *               native libraries), {@code interpreter}, {@code jvm} (libjvm and JVM stubs), {@code libc},
 *               {@code native} (any other file), {@code unknown}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Frame(String symbol, String module, String kind) {
    public static final String UNKNOWN = "[unknown]";

    /** Whether this frame is the program's own code rather than libc, the JDK or the JVM. */
    public boolean isApplication() {
        return kind.equals("java") || kind.equals("native");
    }

    /** Whether this is a Java frame (compiled or interpreted). */
    public boolean isJava() {
        return kind.equals("java") || kind.equals("interpreter") || kind.equals("jdk") && module.equals(Symbolizer.JIT);
    }

    /** {@code symbol (module)}, or the symbol alone for Java code. */
    public String label() {
        return module.equals(Symbolizer.JIT) ? symbol : symbol + " (" + module + ")";
    }
}
