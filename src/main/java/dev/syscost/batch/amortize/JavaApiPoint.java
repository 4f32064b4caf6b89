package dev.syscost.batch.amortize;

/** One Java write API writing records of {@code recordBytes} to a page-cache file, flushed at the end of each trial. */
public record JavaApiPoint(String api, int recordBytes, double nsPerRecord, double nsPerRecordP10,
        double nsPerRecordP90, double mbPerSec, Double kernelEntriesPerRecord) {}
