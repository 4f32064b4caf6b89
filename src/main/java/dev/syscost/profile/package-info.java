/**
 * {@code syscost profile}: counting a process's syscalls (eBPF, perf or /proc), pricing them with the
 * calibrated ladder, the profiler's own perturbation, and the advice rules
 * ({@link dev.syscost.profile.ProfileRun}, {@link dev.syscost.profile.ProfileBuilder},
 * {@link dev.syscost.profile.ProfileResult}).
 *
 * <p>May import: {@code bench}, {@code sys}, {@code env}, the root package and {@code progress}.
 * Never {@code report}, nor {@code cli} or picocli.
 */
package dev.syscost.profile;
