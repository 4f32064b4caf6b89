package dev.syscost.batch.amortize;

import java.util.List;

/** One batched kernel interface against its unbatched twin, moving the same bytes; or why it is unavailable. */
public record BatchSection(String name, String target, long recordBytes, boolean available, String unavailableReason,
        String kernelEntriesNote, List<BatchPoint> points) {

    static BatchSection unavailable(String name, String target, long recordBytes, String reason) {
        return new BatchSection(name, target, recordBytes, false, reason, null, List.of());
    }
}
