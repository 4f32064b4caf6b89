package dev.syscost.batch.amortize;

import java.util.List;

/** One target's chunk-size sweep: its points, the large-chunk fit, and how many bytes were checked end to end. */
public record TargetSweep(String name, String description, long verifiedBytes, List<ChunkPoint> points,
        SlopeFit fit) {}
