package dev.syscost.batch.ipc;

import dev.syscost.InvalidSettingException;
import dev.syscost.UsageException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The ways two processes can pass a message here; {@link #id()} is the stable name used in flags and JSON. */
public enum Transport {
    PIPE("pipe", "two FIFOs (mkfifo), one per direction; write(2)/read(2)"),
    UNIX_STREAM("unix_stream", "UNIX-domain stream socket at a path; write(2)/read(2)"),
    TCP_LOOPBACK("tcp_loopback", "TCP on 127.0.0.1 with TCP_NODELAY; write(2)/read(2)"),
    SHM_EVENTFD("shm_eventfd", "ring in a MAP_SHARED file; a sleeping reader is woken by eventfd"
            + " (descriptors passed with SCM_RIGHTS)"),
    SHM_FUTEX("shm_futex", "ring in a MAP_SHARED file; a sleeping reader is woken by FUTEX_WAKE"
            + " on the ring index (shared futex, no FUTEX_PRIVATE_FLAG)"),
    SHM_SPIN("shm_spin", "ring in a MAP_SHARED file; the reader spins (Thread.onSpinWait), never sleeps");

    private final String id;
    private final String mechanism;

    Transport(String id, String mechanism) {
        this.id = id;
        this.mechanism = mechanism;
    }

    /** The stable name: {@code pipe}, {@code unix_stream}, ... */
    public String id() {
        return id;
    }

    /** How a message travels, in one line. */
    public String mechanism() {
        return mechanism;
    }

    /** Whether this transport moves messages through a shared mapping rather than a kernel buffer. */
    public boolean sharedMemory() {
        return this == SHM_EVENTFD || this == SHM_FUTEX || this == SHM_SPIN;
    }

    /** The transport named {@code id}; a {@link UsageException} listing the choices otherwise. */
    public static Transport parse(String id) {
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        for (Transport t : values()) {
            if (t.id.equals(wanted)) {
                return t;
            }
        }
        throw new UsageException("unknown transport '" + id.strip() + "'; choose from " + choices());
    }

    /** A comma-separated list of ids, in the order given, without duplicates. */
    public static List<Transport> parseList(String csv) {
        LinkedHashSet<Transport> out = new LinkedHashSet<>();
        for (String part : csv.split(",", -1)) {
            if (part.isBlank()) {
                throw new InvalidSettingException("transports", "has an empty entry: '" + csv + "'; choose from " + choices(), null);
            }
            out.add(parse(part));
        }
        return new ArrayList<>(out);
    }

    /** All ids, comma-separated. */
    public static String choices() {
        return Arrays.stream(values()).map(Transport::id).collect(Collectors.joining(", "));
    }
}
