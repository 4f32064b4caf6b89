package dev.syscost.indirect;

import java.util.List;

/**
 * Runs every loop in every mode before anything is timed, so C2 has compiled them with every branch of
 * the disturbance switch in its profile (a loop compiled during baseline-only runs would deoptimise at
 * the first syscall, mid-measurement).
 */
final class Warmup {
    private static final long WARMUP_NS = 400_000_000L;

    private Warmup() {}

    static void run(Schedule schedule, List<ChaseTable> tables, IndirectConfig config) {
        ChaseTable small = tables.stream().min((a, b) -> Long.compare(a.workingSetBytes, b.workingSetBytes)).orElseThrow();
        int[] modes = modes(config);
        long[] scratch = new long[256];
        long deadline = System.nanoTime() + (config.quick() ? WARMUP_NS / 2 : WARMUP_NS);
        while (System.nanoTime() < deadline) {
            for (Workload w : Workload.values()) {
                for (int mode : modes) {
                    schedule.run(w, small, 256, 4, mode, 16, scratch);
                    schedule.direct(mode, 4, 4, 16, scratch);
                }
            }
        }
    }

    private static int[] modes(IndirectConfig config) {
        int[] modes = new int[config.disturbers().size() + 2];
        for (int i = 0; i < config.disturbers().size(); i++) {
            modes[i] = Schedule.modeOf(config.disturbers().get(i));
        }
        modes[modes.length - 2] = Schedule.MODE_SPIN;
        modes[modes.length - 1] = Schedule.MODE_NONE;
        return modes;
    }
}
