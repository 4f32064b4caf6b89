package dev.syscost.bench.probe;

import dev.syscost.bench.Probe;

/**
 * A plain Java static call that is not inlined: the launcher (and the test and JMH runs) pass
 * {@code -XX:CompileCommand=dontinline,dev.syscost.bench.probe.JavaCallProbe::callee}, so the JIT keeps a
 * real call and return. {@link #inliningPrevented()} tells whether that flag is in force.
 */
public final class JavaCallProbe implements Probe {
    /** The JVM flag that keeps {@link #callee(long)} a real call. */
    public static final String DONTINLINE_FLAG =
            "-XX:CompileCommand=dontinline,dev.syscost.bench.probe.JavaCallProbe::callee";

    @Override
    public String id() {
        return "java_call";
    }

    @Override
    public String description() {
        return "a non-inlined Java static method call";
    }

    @Override
    public int kernelEntriesPerCall() {
        return 0;
    }

    @Override
    public long run(int calls) {
        long acc = 0;
        for (int i = 0; i < calls; i++) {
            acc = callee(acc);
        }
        return acc;
    }

    /** The called method: a dependent chain, so calls cannot overlap or be folded. */
    static long callee(long x) {
        return x * 31 + 7;
    }

    /** Whether the JVM was started with {@link #DONTINLINE_FLAG}. */
    public static boolean inliningPrevented() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(a -> a.contains("dontinline") && a.contains("JavaCallProbe::callee"));
    }
}
