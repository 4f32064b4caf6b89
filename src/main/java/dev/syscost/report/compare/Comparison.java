package dev.syscost.report.compare;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The result of {@code syscost compare} (schema {@code syscost.compare/1}): two runs of the same command,
 * figure by figure, with B/A and whether the difference exceeds the runs' own spread.
 *
 * @param schema   "syscost.compare/1"
 * @param compared the schema both inputs share
 * @param a        the first run (the baseline)
 * @param b        the second run
 * @param envDiffs the environment lines that differ between the runs ("kernel", …), empty when none
 * @param points   one row per figure, in A's order, then those only B has
 * @param summary  how many rows got each verdict
 * @param warnings what makes the comparison less certain
 */
@JsonPropertyOrder({"schema", "compared", "a", "b", "envDiffs", "points", "summary", "warnings"})
public record Comparison(String schema, String compared, Run a, Run b, List<EnvDiff> envDiffs,
                         List<Row> points, Summary summary, List<String> warnings) {
    public static final String SCHEMA = "syscost.compare/1";
    /** Verdicts, as written to JSON. */
    public static final String FASTER = "faster";
    public static final String SLOWER = "slower";
    public static final String HIGHER = "higher";
    public static final String LOWER = "lower";
    public static final String WITHIN_SPREAD = "within-spread";
    public static final String UNAVAILABLE = "unavailable";
    public static final String ONLY_IN_A = "only-in-a";
    public static final String ONLY_IN_B = "only-in-b";

    /** One input: where it came from and its environment's lines. */
    public record Run(String file, String startedAt, List<String> env, List<String> warnings) {}

    /** An environment item whose value differs (null where one side lacks it). */
    public record EnvDiff(String key, String a, String b) {}

    /**
     * One figure side by side. Values are null where a run lacks the figure. {@code low}/{@code high} are
     * each run's spread (p10–p90 of its trials where recorded, else its 95% interval);
     * {@code aForkSpread}/{@code bForkSpread} the figure's range across each run's JVMs (null when a run
     * had one JVM); {@code minDetectable} the smallest difference, in the figure's unit, this pair could
     * have called (null when either run lacks the figure), and {@code minDetectableRatio} that over A.
     */
    @JsonPropertyOrder({"id", "unit", "aValue", "aLow", "aHigh", "bValue", "bLow", "bHigh", "ratioBToA",
            "spreadsOverlap", "verdict", "note", "aForkSpread", "bForkSpread", "minDetectable", "minDetectableRatio"})
    public record Row(String id, String unit, Double aValue, Double aLow, Double aHigh,
                      Double bValue, Double bLow, Double bHigh, Double ratioBToA, Boolean spreadsOverlap,
                      String verdict, String note, Double aForkSpread, Double bForkSpread, Double minDetectable,
                      Double minDetectableRatio) {
        /** A row with no between-fork spread or detection limit (a figure one run lacks or could not measure). */
        public Row(String id, String unit, Double aValue, Double aLow, Double aHigh, Double bValue, Double bLow,
                   Double bHigh, Double ratioBToA, Boolean spreadsOverlap, String verdict, String note) {
            this(id, unit, aValue, aLow, aHigh, bValue, bLow, bHigh, ratioBToA, spreadsOverlap, verdict, note,
                    null, null, null, null);
        }
    }

    /** Counts of verdicts. */
    public record Summary(int faster, int slower, int higher, int lower, int withinSpread, int unavailable, int onlyInOne) {}
}
