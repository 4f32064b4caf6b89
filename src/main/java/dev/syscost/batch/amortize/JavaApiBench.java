package dev.syscost.batch.amortize;

import dev.syscost.SyscostException;
import dev.syscost.bench.Stats;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Java write APIs mapped to syscalls: FileOutputStream (one write(2) per call), BufferedOutputStream
 * with its default 8 KiB and a 64 KiB buffer, FileChannel with heap and direct ByteBuffers.
 */
final class JavaApiBench {
    static final List<Integer> RECORD_SIZES = List.of(1, 100);
    static final int LARGE_BUFFER_BYTES = 64 * 1024;
    private static final long REGION_BYTES = 64L << 20;

    private JavaApiBench() {}

    /** A way of writing one record; {@link #flush} ends a trial so every byte has reached the kernel. */
    private abstract static class RecordWriter implements Workload {
        final FileOutputStream file;
        final int recordBytes;
        /** Records per counting run: enough to fill the buffer several times, so one flush weighs little. */
        final long countReps;

        RecordWriter(FileOutputStream file, int recordBytes, int bufferBytes) {
            this.file = file;
            this.recordBytes = recordBytes;
            this.countReps = 4L * bufferBytes / recordBytes + 1;
        }

        abstract void write() throws IOException;

        void flush() throws IOException {}

        @Override
        public void beforeTrial() {
            try {
                file.getChannel().position(0); // stay inside the cached region: rewind, untimed
            } catch (IOException e) {
                throw new SyscostException("cannot rewind the Java API test file: " + e.getMessage(), e);
            }
        }

        @Override
        public long run(long reps) {
            try {
                for (long i = 0; i < reps; i++) {
                    write();
                }
                flush();
                return reps * recordBytes;
            } catch (IOException e) {
                return -1;
            }
        }

        @Override
        public long maxReps() {
            return REGION_BYTES / recordBytes;
        }
    }

    private static RecordWriter stream(FileOutputStream file, OutputStream out, int bufferBytes, int recordBytes) {
        byte[] record = new byte[recordBytes];
        return new RecordWriter(file, recordBytes, bufferBytes) {
            @Override
            void write() throws IOException {
                out.write(record, 0, recordBytes);
            }

            @Override
            void flush() throws IOException {
                out.flush();
            }
        };
    }

    private static RecordWriter channel(FileOutputStream file, ByteBuffer buffer, int recordBytes) {
        FileChannel ch = file.getChannel();
        return new RecordWriter(file, recordBytes, 0) {
            @Override
            void write() throws IOException {
                buffer.clear().limit(recordBytes);
                ch.write(buffer);
            }
        };
    }

    static JavaApiSection run(Path scratch, Budget budget, EntryCount entries, Runnable step) {
        List<JavaApiPoint> points = new ArrayList<>();
        Path path = scratch.resolve("java-api.dat");
        for (int size : RECORD_SIZES) {
            try (FileOutputStream file = new FileOutputStream(path.toFile())) {
                step.run();
                points.add(point("FileOutputStream", stream(file, file, 0, size), budget, entries));
                step.run();
                points.add(point("BufferedOutputStream 8 KiB", stream(file, new BufferedOutputStream(file), 8192, size),
                        budget, entries));
                step.run();
                points.add(point("BufferedOutputStream 64 KiB",
                        stream(file, new BufferedOutputStream(file, LARGE_BUFFER_BYTES), LARGE_BUFFER_BYTES, size), budget, entries));
                step.run();
                points.add(point("FileChannel heap buffer", channel(file, ByteBuffer.allocate(size), size), budget,
                        entries));
                step.run();
                points.add(point("FileChannel direct buffer", channel(file, ByteBuffer.allocateDirect(size), size),
                        budget, entries));
            } catch (IOException e) {
                throw new SyscostException("cannot write the Java API test file " + path + ": " + e.getMessage(), e);
            }
        }
        return new JavaApiSection("file in the page cache (" + path.getFileName() + ", rewound each trial)",
                entries.note(), points);
    }

    private static JavaApiPoint point(String api, RecordWriter w, Budget budget, EntryCount entries) {
        Trials.Timing t = Trials.measure(w, budget, api + " " + w.recordBytes + " B");
        Stats.Summary s = t.nsPerRep();
        // a trial's worth, and at least four buffers full, so an 8 KiB buffer's one write per 8192 one-byte
        // records shows rather than the flush that ends the run
        Double perRecord = entries.perRep(w, Math.min(w.maxReps(), Math.max(t.repsPerTrial(), w.countReps)));
        return new JavaApiPoint(api, w.recordBytes, s.median(), s.p10(), s.p90(), w.recordBytes * 1000.0 / s.median(),
                perRecord);
    }
}
