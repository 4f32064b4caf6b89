/**
 * Call sites of {@code profile --stacks}: user-space return addresses turned into frames. Owns the readers
 * of {@code /proc/PID/maps}, ELF symbol tables (with build ids and load segments), the JVM's perf map, and
 * the resolved records ({@link dev.syscost.profile.stacks.CallStack}, {@link dev.syscost.profile.stacks.Frame},
 * {@link dev.syscost.profile.stacks.StackSummary}). May import {@code sys} (for /proc reads) and nothing above
 * {@code profile}; the eBPF program and its maps live in {@code profile} ({@code StackPrograms}, {@code StackProfiler}).
 */
package dev.syscost.profile.stacks;
