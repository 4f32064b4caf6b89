package dev.syscost.profile;

import dev.syscost.sys.Btf;
import java.io.IOException;
import java.nio.file.Files;

/**
 * The running kernel's BTF, read and indexed once per process by the first thread to ask (the fentry
 * probe's dispatcher id and the fork follower's task_struct offset both come from it; see
 * {@link ProfilePrefetch}), or why it could not be.
 */
final class KernelBtf {
    private static final Object BTF_OR_FAILURE = read();

    private KernelBtf() {}

    /** The kernel's BTF; throws, with the reason, where there is none or it cannot be read. */
    static Btf get() throws IOException {
        if (BTF_OR_FAILURE instanceof IOException e) {
            throw new IOException(e.getMessage(), e);
        }
        return (Btf) BTF_OR_FAILURE;
    }

    private static Object read() {
        if (!Files.isReadable(Btf.VMLINUX)) {
            return new IOException("no kernel BTF (" + Btf.VMLINUX + ")");
        }
        try {
            return Btf.read(Btf.VMLINUX);
        } catch (IOException e) {
            return e;
        } catch (RuntimeException e) {
            return new IOException(Btf.VMLINUX + " is not readable as BTF: " + e, e);
        }
    }
}
