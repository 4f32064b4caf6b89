package dev.syscost.profile;

import dev.syscost.env.Environment;
import dev.syscost.sys.SyscallTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Puts prices, shares, rates, perturbation and advice on a {@link Measurement}. */
public final class ProfileBuilder {
    static final String ENABLE_HINT = "run as root (sudo syscost profile ...), or grant CAP_BPF and CAP_PERFMON, "
            + "or `sysctl kernel.perf_event_paranoid=1` for the perf backend";

    private ProfileBuilder() {}

    /** The priced syscall lines, their names' counts, the kinds priced at the floor, and Σ count × price. */
    private record Priced(List<ProfileResult.Syscall> lines, Map<String, Long> byName, List<String> floor, double taxNs) {}

    /** Why an attach-mode cross-check is windowed, not exact. */
    static final String ATTACH_WINDOW = "attach mode: the bpf and perf counters are opened one after the other on a "
            + "running process, and perf follows only children forked after it opened, so the two count slightly "
            + "different windows; run mode starts both at the same exec and must agree exactly";

    /** The report of a measurement; {@code calibration} may be null where no tax can be priced. */

    public static ProfileResult build(Measurement m, Calibration calibration, Environment env, List<String> warningsIn) {
        double wall = m.wallNs() / 1e9;
        Double system = finite(m.systemCpuSeconds());
        long total = m.totalSyscalls();
        CostModel prices = calibration == null ? null : new CostModel(calibration);
        Priced priced = price(m, prices, wall);
        ProfileResult.Tax tax = tax(m, prices, calibration, priced, wall, system);
        ProfileResult.Io io = io(m);
        List<String> warnings = new ArrayList<>(env.warnings());
        warnings.addAll(warningsIn);
        warnings.addAll(warnings(m, calibration, priced, tax));
        ProfileResult.CrossCheck cross = m.counts() != null && m.perfTotal() != null
                ? new ProfileResult.CrossCheck(m.counts().total(), m.perfTotal(), m.counts().total() == m.perfTotal(),
                        m.mode().equals("attach") ? ATTACH_WINDOW : null) : null;
        Advice.Facts facts = new Advice.Facts(priced.byName(), total, tax.wallSecondsAdjusted(),
                io == null ? 0 : io.readCalls(), io == null ? 0 : io.writeCalls(), io == null ? 0 : io.readBytes(),
                io == null ? 0 : io.writeBytes(), m.counts() == null ? -1 : m.counts().zeroTimeoutWaits());
        return new ProfileResult(ProfileResult.SCHEMA, env,
                new ProfileResult.Target(m.mode(), m.command(), m.pid(), m.exitStatus(), m.targetExited()),
                backendInfo(m, calibration),
                wall, finite(m.userCpuSeconds()), system, total >= 0 ? total : null,
                total >= 0 && wall > 0 ? total / wall : null, priced.lines(),
                m.counts() == null ? null : m.counts().zeroTimeoutWaits(), SyscallTable.x86_64().source(), tax, io,
                cross, AdviceSites.attach(Advice.evaluate(facts), m.stacks()), List.copyOf(warnings),
                m.stacks() == null ? null : m.stacks().summary(), m.stacks() == null ? null : m.stacks().stacks());
    }

    private static Priced price(Measurement m, CostModel prices, double wall) {
        List<ProfileResult.Syscall> lines = new ArrayList<>();
        Map<String, Long> byName = new LinkedHashMap<>();
        List<String> floor = new ArrayList<>();
        double taxNs = 0;
        if (m.counts() == null) {
            return new Priced(List.of(), byName, floor, 0);
        }
        long total = m.counts().total();
        for (SyscallCounts.Entry e : m.counts().entries()) {
            byName.put(e.name(), e.count());
            CostModel.Price p = prices == null ? new CostModel.Price(Double.NaN, "unavailable", true) : prices.price(e.name());
            if (p.floor()) {
                floor.add(e.name());
            }
            double lineTax = e.count() * p.nsPerCall();
            taxNs += Double.isNaN(lineTax) ? 0 : lineTax;
            lines.add(new ProfileResult.Syscall(e.name(), e.number(), e.count(), e.count() / (double) total,
                    wall > 0 ? e.count() / wall : 0, p.nsPerCall(),
                    p.floor() ? CostModel.FLOOR + " (entry floor: no probe of its own)" : p.probe(), lineTax / 1e9));
        }
        return new Priced(List.copyOf(lines), byName, List.copyOf(floor), taxNs);
    }

    /** The tax by the best method the backend allows, set against wall and system time less the perturbation. */
    private static ProfileResult.Tax tax(Measurement m, CostModel prices, Calibration calibration, Priced priced,
            double wall, Double system) {
        long total = m.totalSyscalls();
        double taxNs = priced.taxNs();
        boolean lowerBound = true;
        String method;
        if (m.counts() != null) {
            lowerBound = false;
            method = "Σ count × calibrated ns per call";
        } else if (total >= 0 && prices != null) {
            taxNs = total * prices.price("_none_").nsPerCall();
            method = "total × entry floor (no per-syscall breakdown with this backend): a lower bound";
        } else if (m.proc() != null && prices != null) {
            taxNs = m.proc().readCalls() * prices.price("read").nsPerCall() + m.proc().writeCalls() * prices.price("write").nsPerCall();
            method = "read-family calls × read cost + write-family calls × write cost (/proc/PID/io): a lower bound, other syscalls unseen";
        } else {
            method = "unavailable: no calibration";
        }
        double perturbNs = calibration == null ? 0 : calibration.perturbationNs().getOrDefault(m.backend().id(), 0.0);
        double perturbS = total > 0 ? total * perturbNs / 1e9 : 0;
        double wallAdj = Math.max(0, wall - perturbS);
        Double sysAdj = system == null ? null : Math.max(0, system - perturbS);
        Double user = finite(m.userCpuSeconds());
        // the profiler's own work runs in the target's system time: the bound is CPU time less it
        Double cpuAdj = user == null || system == null ? null : Math.max(0, user + system - perturbS);
        Double bound = cpuAdj != null ? cpuAdj : wallAdj > 0 ? wallAdj : null;
        String boundKind = cpuAdj != null ? "cpu" : bound != null ? "wall" : null;
        double taxS = taxNs / 1e9;
        double bounded = bound == null ? taxS : Math.min(taxS, bound);
        // utime and stime are each truncated to a clock tick: an estimate within that of the bound fits
        double resolutionS = cpuAdj != null ? 2.0 / ProcStats.TICKS_PER_SECOND : 0;
        boolean fits = bound == null || taxS <= bound + resolutionS;
        return new ProfileResult.Tax(taxS, lowerBound, bounded, bound, boundKind, fits,
                cpuAdj == null ? null : share(bounded, cpuAdj), share(bounded, wallAdj), sysAdj == null ? null : share(bounded, sysAdj),
                perturbNs, perturbS, wallAdj, sysAdj, priced.floor(), calibration, method);
    }

    /** part / whole, or null where that is not a share (over 1, or nothing to divide by); 0 of nothing is 0. */
    static Double share(double part, double whole) {
        if (part <= 0) {
            return 0.0;
        }
        return whole > 0 && part <= whole ? part / whole : null;
    }

    private static List<String> warnings(Measurement m, Calibration calibration, Priced priced, ProfileResult.Tax tax) {
        List<String> warnings = new ArrayList<>();
        if (!priced.floor().isEmpty()) {
            warnings.add(priced.floor().size() + " syscall kinds have no probe of their own and are priced at the entry floor ("
                    + CostModel.FLOOR + "): their tax is a lower bound");
        }
        if (m.backend() != Backend.BPF) {
            warnings.add("backend " + m.backend().id() + ": " + m.fallbackReasonOr("forced with --backend")
                    + "; for exact per-syscall counts " + ENABLE_HINT);
        }
        if (calibration != null) {
            calibration.perturbation(m.backend().id()).filter(e -> m.backend() != Backend.PROC && e.unresolved()).ifPresent(e ->
                    warnings.add(String.format(Locale.ROOT, "the profiler's perturbation (%.0f ns per syscall) "
                            + "is not resolved from this machine's noise (p10–p90 of paired trials %.0f…%.0f ns): the "
                            + "adjusted times are uncertain by about ± %.3f s", e.medianNs(), e.p10Ns(), e.p90Ns(),
                            Math.max(0, m.totalSyscalls()) * (e.p90Ns() - e.p10Ns()) / 2e9)));
            if (calibration.source().contains("wide spread: ")) {
                warnings.add("prices measured with a wide spread (a loaded machine?): " + calibration.source()
                        .substring(calibration.source().indexOf("wide spread: ") + 13) + "; rerun with --recalibrate when it is quiet");
            }
        }
        if (!tax.pricesFit()) {
            warnings.add(String.format(Locale.ROOT, "the priced estimate (%.3f s) exceeds the traced tree's %s time "
                    + "(%.3f s%s), which bounds the time at the boundary: the calibrated prices (measured %s) do not fit "
                    + "this run (machine load, cache state, or prices above this program's own calls); the tax shown "
                    + "is the bound-limited %.3f s; rerun with --recalibrate on a quiet machine", tax.estimatedSeconds(),
                    "cpu".equals(tax.boundKind()) ? "CPU" : "wall", tax.boundSeconds(),
                    "cpu".equals(tax.boundKind()) ? ", user + system less the profiler's perturbation" : ", CPU times unavailable",
                    calibration == null ? "?" : calibration.measuredAt(), tax.boundedSeconds()));
        }
        if (m.proc() == null) {
            warnings.add("/proc/" + m.pid() + "/io could not be read (permission, or the process is gone): CPU times and "
                    + "read/write accounting are unavailable");
        }
        if (m.targetExited()) {
            warnings.add("pid " + m.pid() + " exited during the attach; counts run until it exited");
        }
        return warnings;
    }

    private static ProfileResult.Io io(Measurement m) {
        ProcStats p = m.proc();
        if (p == null) {
            return null;
        }
        boolean run = m.cpuFromReapedChildren();
        return new ProfileResult.Io(p.readCalls(), p.writeCalls(), p.readBytes(), p.writeBytes(),
                p.readCalls() > 0 ? p.readBytes() / (double) p.readCalls() : null,
                p.writeCalls() > 0 ? p.writeBytes() / (double) p.writeCalls() : null,
                run ? null : p.voluntarySwitches(), run ? null : p.involuntarySwitches(),
                run ? "run mode: the command's accounting as its launcher shell reaped it; context switches are not "
                        + "passed up to a parent through /proc, so they are not shown"
                    : "attach mode: the process's accounting over the attach; context switches summed over its live threads");
    }

    private static ProfileResult.BackendInfo backendInfo(Measurement m, Calibration calibration) {
        Double self = m.profilerCpuNs() < 0 ? null : m.profilerCpuNs() / 1e9;
        double target = m.userCpuSeconds() + m.systemCpuSeconds();
        Double share = self == null || !(target > 0) ? null : self / target;
        return new ProfileResult.BackendInfo(m.backend().id(), m.backend().description(), m.fallbackReason(),
                limits(m), m.backend() == Backend.BPF ? null : ENABLE_HINT, m.hook(), self, share,
                otherProcesses(m, calibration));
    }

    /** What everyone else pays while this backend counts (measured by bench/profile-overhead.sh, column untracked). */
    static String otherProcesses(Measurement m, Calibration calibration) {
        if (m.backend() == Backend.BPF && calibration != null) {
            var e = calibration.perturbation(Perturbation.BPF_UNTRACKED);
            if (e.isPresent()) {
                return String.format(Locale.ROOT, "%.0f ns per syscall of every other process (measured: getppid "
                        + "untracked, attached vs detached; p10–p90 %.0f…%.0f ns)%s", e.get().medianNs(), e.get().p10Ns(),
                        e.get().p90Ns(), e.get().unresolved() ? ", not resolved from this machine's noise" : "");
            }
        }
        return switch (m.backend()) {
            case BPF -> m.hook() != null && m.hook().startsWith("fentry")
                    ? "every syscall of every other process runs the program's first lookup (thread not tracked) on the trampoline"
                    : "every syscall of every other process takes the slow entry path and runs the program's first "
                            + "lookup (thread not tracked): about the hook's floor per syscall (bench/profile-overhead.sh: floor, untracked)";
            case PERF -> "nothing: the perf event counts only the target's threads";
            case PROC -> "nothing: /proc is read, nothing is attached";
        };
    }

    static List<String> limits(Measurement m) {
        return switch (m.backend()) {
            case BPF -> List.of("counting starts at the command's exec (as `perf stat` does): the execve that "
                    + "started it and the launcher shell's own calls are not counted");
            case PERF -> List.of("the exact total of kernel entries, but no per-syscall breakdown",
                    "attach mode: threads started after the attach are added only when they exit");
            case PROC -> List.of("only read- and write-family calls are counted (syscr/syscw in /proc/PID/io); every other syscall is unseen",
                    "bytes include pipes, sockets and terminals; CPU times have 10 ms resolution (USER_HZ)");
        };
    }

    private static Double finite(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
