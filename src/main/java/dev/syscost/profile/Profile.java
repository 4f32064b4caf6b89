package dev.syscost.profile;

import dev.syscost.env.Environment;
import dev.syscost.progress.Progress;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code syscost profile} as a library call: checks the target, loads (or measures) this machine's
 * per-syscall prices, counts the command's or process's syscalls, prices the profiler's own
 * perturbation, and returns the result with the tax and the advice.
 *
 * <pre>{@code
 * ProfileResult r = Profile.run(ProfileConfig.run(List.of("/bin/true")), Progress.SILENT);
 * Integer status = r.target().exitStatus();
 * }</pre>
 */
public final class Profile {
    /** What a run tells its caller before a long step; the CLI prints it, the API may ignore it. */
    @FunctionalInterface
    public interface Notices {
        /** Tells nothing. */
        Notices NONE = cacheFile -> {};

        /** No fresh prices are cached: they are measured now (seconds to a minute or two), then kept in {@code cacheFile}. */
        void calibrating(Path cacheFile);
    }

    private Profile() {}

    /** {@link #run(ProfileConfig, Progress, Notices)} without notices. */
    public static ProfileResult run(ProfileConfig config, Progress progress) {
        return run(config, progress, Notices.NONE);
    }

    /**
     * Profiles as {@code config} says, on the calling thread. The target is checked first, so a missing
     * command ({@link Trampoline.CommandException}, with the shell's exit status) or a pid that cannot be
     * attached to fails before the prices are measured; {@code progress} shows that measuring.
     */
    public static ProfileResult run(ProfileConfig config, Progress progress, Notices notices) {
        if (config.attaching()) {
            ProfileRun.checkAttachable(config.pid());
        } else {
            Trampoline.resolve(config.command().get(0));
        }
        if (config.stacks() != null) {
            ProfileRun.checkStacksPossible(); // before the 20 s calibration, not after it
        }
        Path cache = Calibration.cacheFile();
        Calibration calibration = Calibration.load(config.recalibrate(), progress, () -> notices.calibrating(cache));
        Measurement m = config.attaching() ? ProfileRun.attach(config.pid(), config.runOptions())
                : ProfileRun.run(config.command(), config.runOptions());
        calibration = withPerturbation(calibration, m.backend(), config.recalibrate());
        return ProfileBuilder.build(m, calibration, Environment.detect(), List.of());
    }

    /**
     * The calibration with the perturbation of the backend used (and, for bpf, what untracked threads pay)
     * measured where it is missing or {@code again}, and cached.
     */
    static Calibration withPerturbation(Calibration c, Backend used, boolean again) {
        Calibration updated = c;
        if (c.perturbation(used.id()).isEmpty() || again) {
            updated = updated.withPerturbation(used.id(), Perturbation.measure(used));
        }
        if (used == Backend.BPF && (c.perturbation(Perturbation.BPF_UNTRACKED).isEmpty() || again)) {
            updated = updated.withPerturbation(Perturbation.BPF_UNTRACKED, Perturbation.untracked());
        }
        if (updated != c) {
            updated.save(Calibration.cacheFile());
        }
        return updated;
    }
}
