package dev.syscost.batch.ipc;

import dev.syscost.InvalidSettingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What {@link Ipc#run} measures: which transports, message sizes, how many messages per trial, how
 * many trials, where the two processes run, and where the meeting files go.
 *
 * @param messagesPerTrial round trips per latency trial, and messages per one-way throughput trial
 * @param trialBudgetNs    a trial also ends after this long, whichever comes first
 * @param runBudgetNs      {@link Ipc#run} aims to end within this, the peer's start-up included; trials
 *                         are shortened (and the report says so) when the machine is too slow or loaded
 */
public record IpcConfig(List<Transport> transports, List<Integer> messageSizesBytes, long messagesPerTrial,
        int trials, Placement placement, boolean quick, Path tempDir, long trialBudgetNs, long runBudgetNs) {
    /** A message carries an 8-byte sequence number, so it is at least 8 bytes. */
    public static final int MIN_MESSAGE_BYTES = 8;
    public static final int MAX_MESSAGE_BYTES = 1 << 20;
    public static final long MAX_MESSAGES = 10_000_000L;
    public static final int MAX_TRIALS = 100;
    static final List<Integer> DEFAULT_SIZES = List.of(64, 4096);

    public IpcConfig {
        transports = List.copyOf(transports);
        messageSizesBytes = List.copyOf(messageSizesBytes);
        if (transports.isEmpty()) {
            throw new InvalidSettingException("transports", "is empty; choose from " + Transport.choices(), null);
        }
        if (messageSizesBytes.isEmpty()) {
            throw new InvalidSettingException("messageSizesBytes", "is empty; give message sizes like 64,4k", null);
        }
        for (int size : messageSizesBytes) {
            InvalidSettingException.requireRange("messageSizesBytes", size, MIN_MESSAGE_BYTES, MAX_MESSAGE_BYTES);
        }
        InvalidSettingException.requireRange("messagesPerTrial", messagesPerTrial, 10, MAX_MESSAGES);
        InvalidSettingException.requireRange("trials", trials, 1, MAX_TRIALS);
        if (trialBudgetNs <= 0 || runBudgetNs <= 0) {
            throw new IllegalArgumentException("budgets must be positive: " + trialBudgetNs + ", " + runBudgetNs);
        }
    }

    /** The default run: every transport, 64 B and 4 KiB, 5 trials of ≤ 20,000 messages or 250 ms, within 50 s. */
    public static IpcConfig defaults() {
        return new IpcConfig(List.of(Transport.values()), DEFAULT_SIZES, 20_000, 5, Placement.DIFFERENT,
                false, Path.of(System.getProperty("java.io.tmpdir")), 250_000_000L, 50_000_000_000L);
    }

    /** The quick run: 3 trials of ≤ 2,000 messages or 30 ms, within 7 s. */
    public static IpcConfig quickDefaults() {
        return new IpcConfig(List.of(Transport.values()), DEFAULT_SIZES, 2_000, 3, Placement.DIFFERENT,
                true, Path.of(System.getProperty("java.io.tmpdir")), 30_000_000L, 7_000_000_000L);
    }

    public IpcConfig withTransports(List<Transport> t) {
        return new IpcConfig(t, messageSizesBytes, messagesPerTrial, trials, placement, quick, tempDir, trialBudgetNs,
                runBudgetNs);
    }

    public IpcConfig withMessageSizes(List<Integer> s) {
        return new IpcConfig(transports, s, messagesPerTrial, trials, placement, quick, tempDir,
                trialBudgetNs, runBudgetNs);
    }

    public IpcConfig withMessagesPerTrial(long n) {
        return new IpcConfig(transports, messageSizesBytes, n, trials, placement, quick, tempDir,
                trialBudgetNs, runBudgetNs);
    }

    public IpcConfig withTrials(int n) {
        return new IpcConfig(transports, messageSizesBytes, messagesPerTrial, n, placement, quick, tempDir,
                trialBudgetNs, runBudgetNs);
    }

    public IpcConfig withPlacement(Placement p) {
        return new IpcConfig(transports, messageSizesBytes, messagesPerTrial, trials, p, quick, tempDir, trialBudgetNs,
                runBudgetNs);
    }

    public IpcConfig withTempDir(Path dir) {
        return new IpcConfig(transports, messageSizesBytes, messagesPerTrial, trials, placement, quick, dir, trialBudgetNs,
                runBudgetNs);
    }

    public IpcConfig withTrialBudgetNs(long ns) {
        return new IpcConfig(transports, messageSizesBytes, messagesPerTrial, trials, placement, quick, tempDir, ns,
                runBudgetNs);
    }

    public IpcConfig withRunBudgetNs(long ns) {
        return new IpcConfig(transports, messageSizesBytes, messagesPerTrial, trials, placement, quick, tempDir,
                trialBudgetNs, ns);
    }

    /** Message sizes in bytes, range-checked, duplicates dropped, in order: what {@code --sizes} gives. */
    public static List<Integer> messageSizes(List<Long> bytes) {
        LinkedHashSet<Integer> out = new LinkedHashSet<>();
        for (long b : bytes) {
            out.add((int) InvalidSettingException.requireRange("messageSizesBytes", b, MIN_MESSAGE_BYTES, MAX_MESSAGE_BYTES));
        }
        return new ArrayList<>(out);
    }
}
