package dev.syscost.cli;

import dev.syscost.UsageException;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** The limit on result files read back from disk (compare, report), shared as a picocli mixin. */
public final class InputOptions {
    private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*(|b|k|kib|m|mib|g|gib)");

    @Option(names = "--max-input-size", paramLabel = "SIZE", defaultValue = "64MiB",
            description = "Refuse result files larger than this, e.g. 64MiB, 512MiB, 2GiB (default ${DEFAULT-VALUE}).")
    String maxInputSize;

    /** The limit in bytes. */
    long maxBytes() {
        Matcher m = SIZE.matcher(maxInputSize.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new UsageException("--max-input-size must be a size such as 64MiB, 512MiB or 2GiB: " + maxInputSize);
        }
        long n = Long.parseLong(m.group(1));
        long bytes = switch (m.group(2)) {
            case "k", "kib" -> n << 10;
            case "m", "mib" -> n << 20;
            case "g", "gib" -> n << 30;
            default -> n;
        };
        UsageException.requireRange("--max-input-size (bytes)", bytes, 1, 2L << 30);
        return bytes;
    }


}
