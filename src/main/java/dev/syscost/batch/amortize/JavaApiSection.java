package dev.syscost.batch.amortize;

import java.util.List;

/** What one line of Java costs at the boundary: each API's kernel entries per record and throughput. */
public record JavaApiSection(String target, String kernelEntriesNote, List<JavaApiPoint> points) {}
