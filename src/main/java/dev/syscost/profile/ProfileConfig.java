package dev.syscost.profile;

import dev.syscost.InvalidSettingException;
import java.time.Duration;
import java.util.List;

/**
 * What {@code syscost profile} counts and how: a command to run or a process to attach to, the backend,
 * the cross-check, how long to attach, the call-site stacks, and whether to measure the prices again.
 *
 * <pre>{@code
 * ProfileResult r = Profile.run(ProfileConfig.run(List.of("dd", "if=/dev/zero", "of=/dev/null", "count=1000")), Progress.SILENT);
 * }</pre>
 *
 * @param command     the command to run (its stdio untouched), or empty when attaching
 * @param pid         the process to attach to (all its threads), or null when running a command
 * @param backend     the backend to force, or null for the best one permitted
 * @param crossCheck  also count the total with a perf event beside the bpf counts (costs speed)
 * @param duration    with {@code pid}: how long to count, or null for until it exits or Ctrl-C
 * @param stacks      how to count call sites (bpf only), or null for no stacks
 * @param recalibrate measure the per-syscall prices and the perturbation again instead of using the cache
 */
public record ProfileConfig(List<String> command, Integer pid, Backend backend, boolean crossCheck, Duration duration,
                            StackProfiler.Options stacks, boolean recalibrate) {
    public ProfileConfig {
        command = command == null ? List.of() : List.copyOf(command);
        if (pid != null && pid <= 0) {
            throw ProfileRun.notAPid(pid);
        }
        if (command.isEmpty() == (pid == null)) {
            throw new IllegalArgumentException("give either a command or a pid to profile, not " + (pid == null ? "neither" : "both"));
        }
        if (duration != null && pid == null) {
            throw new IllegalArgumentException("a duration applies to an attach only; a command is profiled until it exits");
        }
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new InvalidSettingException("duration", "must be positive", duration.toString());
        }
        if (stacks != null && backend != null && backend != Backend.BPF) {
            throw new InvalidSettingException("backend", "must be bpf to count stacks (the user stack is walked by an "
                    + "eBPF program in the kernel)", backend.id());
        }
    }

    /** Runs {@code command} and counts it from its exec until it exits, with the best backend permitted. */
    public static ProfileConfig run(List<String> command) {
        return new ProfileConfig(command, null, null, false, null, null, false);
    }

    /** Attaches to {@code pid} until it exits or Ctrl-C, with the best backend permitted. */
    public static ProfileConfig attach(int pid) {
        return new ProfileConfig(List.of(), pid, null, false, null, null, false);
    }

    public ProfileConfig withBackend(Backend b) {
        return new ProfileConfig(command, pid, b, crossCheck, duration, stacks, recalibrate);
    }

    public ProfileConfig withCrossCheck(boolean check) {
        return new ProfileConfig(command, pid, backend, check, duration, stacks, recalibrate);
    }

    public ProfileConfig withDuration(Duration d) {
        return new ProfileConfig(command, pid, backend, crossCheck, d, stacks, recalibrate);
    }

    public ProfileConfig withStacks(StackProfiler.Options s) {
        return new ProfileConfig(command, pid, backend, crossCheck, duration, s, recalibrate);
    }

    public ProfileConfig withRecalibrate(boolean again) {
        return new ProfileConfig(command, pid, backend, crossCheck, duration, stacks, again);
    }

    /** Whether this attaches to a running process rather than running a command. */
    public boolean attaching() {
        return pid != null;
    }

    /** The counting options of {@link ProfileRun}. */
    ProfileRun.Options runOptions() {
        return new ProfileRun.Options(backend, crossCheck, duration, stacks);
    }
}
