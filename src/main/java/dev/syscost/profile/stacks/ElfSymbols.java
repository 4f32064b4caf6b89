package dev.syscost.profile.stacks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The function symbols of one 64-bit little-endian ELF file ({@code .symtab}, else {@code .dynsym}), its
 * loadable segments (to turn a file offset into a symbol address, which handles PIE and prelinked files
 * alike) and its GNU build id. Read with positional reads: no mapping of the whole file.
 */
public final class ElfSymbols {
    private static final int SHT_SYMTAB = 2;
    private static final int SHT_NOTE = 7;
    private static final int SHT_DYNSYM = 11;
    private static final int PT_LOAD = 1;
    private static final int STT_FUNC = 2;
    private static final int STT_GNU_IFUNC = 10;
    private static final int NT_GNU_BUILD_ID = 3;
    /** Refuse tables past this: a hostile or corrupt header must not make us allocate gigabytes. */
    private static final long MAX_TABLE_BYTES = 256L << 20;

    /** A PT_LOAD segment: file bytes [offset, offset+fileSize) load at vaddr. */
    record Segment(long offset, long fileSize, long vaddr) {}

    private final long[] starts;
    private final long[] ends;
    private final String[] names;
    private final List<Segment> segments;
    private final String buildId;
    private final boolean fromSymtab;

    private ElfSymbols(long[] starts, long[] ends, String[] names, List<Segment> segments, String buildId, boolean fromSymtab) {
        this.starts = starts;
        this.ends = ends;
        this.names = names;
        this.segments = segments;
        this.buildId = buildId;
        this.fromSymtab = fromSymtab;
    }

    /** Reads {@code file}; throws IOException when it is not a 64-bit little-endian ELF file. */
    public static ElfSymbols read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer eh = read(ch, 0, 64);
            if (eh.getInt(0) != 0x464c457f || eh.get(4) != 2 || eh.get(5) != 1) {
                throw new IOException(file + ": not a 64-bit little-endian ELF file");
            }
            long phoff = eh.getLong(32);
            long shoff = eh.getLong(40);
            int phentsize = eh.getShort(54) & 0xffff;
            int phnum = eh.getShort(56) & 0xffff;
            int shentsize = eh.getShort(58) & 0xffff;
            int shnum = eh.getShort(60) & 0xffff;
            List<Segment> segments = new ArrayList<>();
            if (phnum > 0 && phentsize >= 56) {
                ByteBuffer ph = read(ch, phoff, (long) phnum * phentsize);
                for (int i = 0; i < phnum; i++) {
                    int at = i * phentsize;
                    if (ph.getInt(at) == PT_LOAD) {
                        segments.add(new Segment(ph.getLong(at + 8), ph.getLong(at + 32), ph.getLong(at + 16)));
                    }
                }
            }
            if (shnum == 0 || shentsize < 64) {
                return new ElfSymbols(new long[0], new long[0], new String[0], segments, null, false);
            }
            ByteBuffer sh = read(ch, shoff, (long) shnum * shentsize);
            int symtab = -1, dynsym = -1;
            String buildId = null;
            for (int i = 0; i < shnum; i++) {
                int type = sh.getInt(i * shentsize + 4);
                if (type == SHT_SYMTAB) {
                    symtab = i;
                } else if (type == SHT_DYNSYM) {
                    dynsym = i;
                } else if (type == SHT_NOTE && buildId == null) {
                    buildId = buildId(read(ch, sh.getLong(i * shentsize + 24), sh.getLong(i * shentsize + 32)));
                }
            }
            int table = symtab >= 0 ? symtab : dynsym;
            Table t = table < 0 ? new Table(new long[0], new long[0], new String[0])
                    : symbols(ch, sh, shentsize, table, shnum);
            return new ElfSymbols(t.starts, t.ends, t.names, segments, buildId, symtab >= 0);
        }
    }

    private record Table(long[] starts, long[] ends, String[] names) {}

    private static Table symbols(FileChannel ch, ByteBuffer sh, int shentsize, int index, int shnum) throws IOException {
        int at = index * shentsize;
        long off = sh.getLong(at + 24), size = sh.getLong(at + 32);
        int link = sh.getInt(at + 40);
        long entsize = sh.getLong(at + 56);
        if (link <= 0 || link >= shnum || entsize < 24) {
            throw new IOException("symbol table with a bad string table link or entry size");
        }
        ByteBuffer syms = read(ch, off, size);
        ByteBuffer strs = read(ch, sh.getLong(link * shentsize + 24), sh.getLong(link * shentsize + 32));
        long n = size / entsize;
        List<long[]> ranges = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            int s = (int) (i * entsize);
            int info = syms.get(s + 4) & 0xf;
            long value = syms.getLong(s + 8), len = syms.getLong(s + 16);
            int shndx = syms.getShort(s + 6) & 0xffff;
            if ((info == STT_FUNC || info == STT_GNU_IFUNC) && value != 0 && shndx != 0) {
                ranges.add(new long[] {value, value + Math.max(len, 1), names.size()});
                names.add(cString(strs, syms.getInt(s)));
            }
        }
        ranges.sort((x, y) -> Long.compare(x[0], y[0]));
        long[] starts = new long[ranges.size()];
        long[] ends = new long[ranges.size()];
        String[] ordered = new String[ranges.size()];
        for (int i = 0; i < ranges.size(); i++) {
            starts[i] = ranges.get(i)[0];
            ends[i] = ranges.get(i)[1];
            ordered[i] = names.get((int) ranges.get(i)[2]);
        }
        return new Table(starts, ends, ordered);
    }

    private static String buildId(ByteBuffer notes) {
        int at = 0;
        while (at + 12 <= notes.limit()) {
            int namesz = notes.getInt(at), descsz = notes.getInt(at + 4), type = notes.getInt(at + 8);
            int desc = at + 12 + align4(namesz);
            if (namesz < 0 || descsz < 0 || desc + descsz > notes.limit()) {
                return null;
            }
            if (type == NT_GNU_BUILD_ID && namesz == 4 && notes.get(at + 12) == 'G') {
                byte[] id = new byte[descsz];
                notes.get(desc, id);
                return HexFormat.of().formatHex(id);
            }
            at = desc + align4(descsz);
        }
        return null;
    }

    private static int align4(int n) {
        return (n + 3) & ~3;
    }

    private static String cString(ByteBuffer strs, int at) {
        if (at < 0 || at >= strs.limit()) {
            return "?";
        }
        int end = at;
        while (end < strs.limit() && strs.get(end) != 0) {
            end++;
        }
        byte[] b = new byte[end - at];
        strs.get(at, b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static ByteBuffer read(FileChannel ch, long offset, long size) throws IOException {
        if (offset < 0 || size < 0 || size > MAX_TABLE_BYTES || offset + size > ch.size()) {
            throw new IOException("ELF table out of the file's bounds (offset " + offset + ", size " + size + ")");
        }
        ByteBuffer b = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, offset + b.position()) < 0) {
                throw new IOException("short read");
            }
        }
        return b.flip();
    }

    /** The symbol address of a byte at {@code fileOffset} (through the PT_LOAD that holds it), or -1. */
    public long vaddrOf(long fileOffset) {
        for (Segment s : segments) {
            if (fileOffset >= s.offset() && fileOffset < s.offset() + s.fileSize()) {
                return fileOffset - s.offset() + s.vaddr();
            }
        }
        return -1;
    }

    /** The function holding {@code vaddr}, or null when no symbol covers it. */
    public String symbolAt(long vaddr) {
        int i = Arrays.binarySearch(starts, vaddr);
        if (i < 0) {
            i = -i - 2;
        }
        // several symbols may share a start (aliases): any that covers the address will do
        for (int j = i; j >= 0 && j > i - 8; j--) {
            if (starts[j] <= vaddr && vaddr < ends[j]) {
                return names[j];
            }
        }
        return null;
    }

    /** The address of the first function named {@code name}, or -1. */
    public long addressOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return starts[i];
            }
        }
        return -1;
    }

    /** The GNU build id as hex, or null when the file has none. */
    public String buildId() {
        return buildId;
    }

    /** Whether the full {@code .symtab} was read (false: only the exported {@code .dynsym}, or nothing: stripped). */
    public boolean hasSymtab() {
        return fromSymtab;
    }

    public int symbolCount() {
        return names.length;
    }
}
