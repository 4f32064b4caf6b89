package dev.syscost.profile;

import dev.syscost.sys.Btf;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * The answers syscost needs from the running kernel's BTF (the fentry probe's dispatcher id, the fork
 * follower's task_struct offset), asked by the first thread that needs them (see {@link ProfilePrefetch})
 * and kept in a small file beside the calibration cache: reading {@code /sys/kernel/btf/vmlinux} costs
 * 30–80 ms of CPU on every start (5 MB that sysfs hands out a page per read), its answers never change
 * while the kernel is the same build. The file is keyed by the kernel's build (its release and build id) and
 * the BTF's size, and is only a shortcut: a missing, stale or unreadable one means reading the BTF again.
 */
final class KernelBtf {
    static final String CACHE_NAME = "kernel-btf.properties";

    private static Properties answers;
    private static Btf btf;
    private static IOException failure;

    private KernelBtf() {}

    /** The type id of kernel function {@code name}, empty when the BTF has none; throws when there is no BTF to ask. */
    static synchronized OptionalInt funcId(String name) throws IOException {
        return answer("func " + name, () -> read().funcId(name));
    }

    /** The byte offset of {@code member} in {@code struct}, empty when there is none; throws when there is no BTF to ask. */
    static synchronized OptionalInt memberOffset(String struct, String member) throws IOException {
        return answer("member " + struct + "." + member, () -> read().memberOffset(struct, member));
    }

    private interface Question {
        OptionalInt ask() throws IOException;
    }

    private static OptionalInt answer(String key, Question q) throws IOException {
        Properties known = cached();
        String kernel = kernelKey();
        String cached = kernel != null && kernel.equals(known.getProperty("kernel")) ? known.getProperty(key) : null;
        if (cached != null) {
            try {
                return cached.equals("none") ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(cached));
            } catch (NumberFormatException e) {
                // a damaged entry: ask the BTF
            }
        }
        OptionalInt a = q.ask();
        if (kernel != null) {
            if (!kernel.equals(known.getProperty("kernel"))) {
                known.clear();
                known.setProperty("kernel", kernel);
            }
            known.setProperty(key, a.isPresent() ? Integer.toString(a.getAsInt()) : "none");
            save(known);
        }
        return a;
    }

    private static Btf read() throws IOException {
        if (btf == null && failure == null) {
            if (!Files.isReadable(Btf.VMLINUX)) {
                failure = new IOException("no kernel BTF (" + Btf.VMLINUX + ")");
            } else {
                try {
                    btf = Btf.read(Btf.VMLINUX);
                } catch (IOException e) {
                    failure = e;
                } catch (RuntimeException e) {
                    failure = new IOException(Btf.VMLINUX + " is not readable as BTF: " + e, e);
                }
            }
        }
        if (failure != null) {
            throw new IOException(failure.getMessage(), failure);
        }
        return btf;
    }

    /**
     * This kernel build: its release, a checksum of its ELF notes (/sys/kernel/notes holds the GNU build
     * id, which any rebuild changes) and its BTF's size; null when any of them cannot be read (then nothing
     * is cached, and every start reads the BTF).
     */
    static String kernelKey() {
        try {
            byte[] notes = Files.readAllBytes(Path.of("/sys/kernel/notes"));
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(notes);
            if (notes.length == 0) {
                return null;
            }
            return Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip() + " notes "
                    + Long.toHexString(crc.getValue()) + "/" + notes.length + " btf " + Files.size(Btf.VMLINUX);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Properties cached() {
        if (answers == null) {
            answers = new Properties();
            try (InputStream in = Files.newInputStream(file())) {
                answers.load(in);
            } catch (IOException | RuntimeException e) {
                answers.clear(); // none yet, or unreadable: ask the BTF
            }
        }
        return answers;
    }

    private static void save(Properties p) {
        try {
            Path f = file();
            Files.createDirectories(f.getParent());
            Path tmp = Files.createTempFile(f.getParent(), CACHE_NAME, ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "syscost: answers from this kernel's BTF (" + Btf.VMLINUX + "); safe to delete");
            }
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // an unwritable cache costs the next start a BTF read, nothing more
        }
    }

    private static Path file() {
        return Calibration.cacheFile().resolveSibling(CACHE_NAME);
    }
}
