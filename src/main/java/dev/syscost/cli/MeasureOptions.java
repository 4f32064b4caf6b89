package dev.syscost.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of {@code measure}, also accepted by bare {@code syscost}. */
public final class MeasureOptions {
    @Option(names = "--quick", description = "Coarser and faster (≤ 5 s): fewer, shorter trials; says so in the output.")
    boolean quick;

    @Option(names = "--trials", paramLabel = "N", description = "Trials per probe (1..1000; default 15, quick 5).")
    Integer trials;

    @Mixin
    OutputOptions output = new OutputOptions();
}
