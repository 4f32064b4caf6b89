package dev.syscost.cli;

import dev.syscost.ByteSize;
import dev.syscost.UsageException;
import picocli.CommandLine.Option;

/** The limit on result files read back from disk (compare, report), shared as a picocli mixin. */
public final class InputOptions {
    @Option(names = "--max-input-size", paramLabel = "SIZE", defaultValue = "64MiB",
            description = "Refuse result files larger than this, e.g. 64MiB, 512MiB, 2GiB (default ${DEFAULT-VALUE}).")
    String maxInputSize;

    /** The limit in bytes (the size rule of {@link ByteSize}, as every size flag). */
    long maxBytes() {
        long bytes;
        try {
            bytes = ByteSize.parse(maxInputSize);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--max-input-size must be a size such as 64MiB, 512MiB or 2GiB: " + maxInputSize);
        }
        UsageException.requireRange("--max-input-size (bytes)", bytes, 1, 2L << 30);
        return bytes;
    }
}
