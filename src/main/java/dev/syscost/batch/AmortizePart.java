package dev.syscost.batch;

import dev.syscost.UsageException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The sections of {@code syscost amortize}, each selectable with {@code --parts}. */
public enum AmortizePart {
    /** write(2) chunk-size sweep on every target, with the fit and break-even. */
    SWEEP("sweep"),
    /** write vs writev with 1…1024 iovecs. */
    WRITEV("writev"),
    /** sendto vs sendmmsg on UDP loopback. */
    SENDMMSG("sendmmsg"),
    /** io_uring write batches, plain and SQPOLL. */
    IO_URING("io_uring"),
    /** Java write APIs mapped to syscalls. */
    JAVA("java");

    private final String id;

    AmortizePart(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static AmortizePart parse(String id) {
        String wanted = id.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(p -> p.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new UsageException("unknown part '" + id + "'; choose from "
                        + Arrays.stream(values()).map(AmortizePart::id).collect(Collectors.joining(", "))));
    }
}
