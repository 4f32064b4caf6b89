/**
 * {@code syscost profile}: counting a process's syscalls (eBPF, perf or /proc), pricing them with the
 * calibrated ladder, the profiler's own perturbation, and the advice rules. The entry point is
 * {@link dev.syscost.profile.Profile#run} over a {@link dev.syscost.profile.ProfileConfig}, returning a
 * {@link dev.syscost.profile.ProfileResult}; it owns the prices' cache ({@link dev.syscost.profile.Calibration})
 * and the perturbation figures kept in it, and checks the target before the minute-long calibration
 * ({@link dev.syscost.profile.ProfileRun} counts, {@link dev.syscost.profile.ProfileBuilder} prices).
 * A refused pid is an {@link dev.syscost.InvalidSettingException} or a
 * {@link dev.syscost.SettingNotPermittedException} of the setting {@code pid}: {@code cli} words it as the flag.
 *
 * <p>May import: {@code bench}, {@code sys}, {@code env}, the root package and {@code progress}.
 * Never {@code report}, nor {@code cli} or picocli.
 */
package dev.syscost.profile;
