package dev.syscost.report.format;

import dev.syscost.env.Environment;
import java.util.ArrayList;
import java.util.List;

/**
 * What heads a result in every view: the environment summary lines (as the terminal prints them), the
 * environment as flat "key: value" facts (what {@code compare} diffs), the warnings of the result and
 * of its environment, and, where the result records them, when it started, how long it took and which
 * syscost made it.
 *
 * @param envLines    the environment summary, one line per aspect
 * @param envFacts    every environment scalar as "key: value", for diffs
 * @param warnings    the result's own warnings
 * @param envWarnings the environment's warnings
 * @param startedAt   ISO-8601 start, or null
 * @param durationMs  how long the run took, or null
 * @param version     the syscost version that made it, or null
 */
public record Header(List<String> envLines, List<String> envFacts, List<String> warnings, List<String> envWarnings,
                     String startedAt, Long durationMs, String version) {
    public Header {
        envLines = List.copyOf(envLines);
        envFacts = List.copyOf(envFacts);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        envWarnings = envWarnings == null ? List.of() : List.copyOf(envWarnings);
    }

    /**
     * The header of a result measured in {@code env} (may be null) with {@code warnings}, no run facts. The
     * environment's own warnings are not added: every command copies them into its result's warnings.
     */
    public static Header of(Environment env, List<String> warnings) {
        if (env == null) {
            return new Header(List.of(), List.of(), warnings, List.of(), null, null, null);
        }
        List<String> facts = EnvLines.flat(Trees.of(env));
        try {
            return new Header(env.summaryLines(), facts, warnings, List.of(), null, null, null);
        } catch (RuntimeException e) {
            // A file's environment too partial to summarise (fields missing): shown as the facts it has.
            return new Header(facts, facts, warnings, List.of(), null, null, null);
        }
    }

    /** This header with the run's start, duration and syscost version. */
    public Header withRun(String startedAt, Long durationMs, String version) {
        return new Header(envLines, envFacts, warnings, envWarnings, startedAt, durationMs, version);
    }

    /** The result's warnings, then its environment's. */
    public List<String> allWarnings() {
        List<String> all = new ArrayList<>(warnings);
        all.addAll(envWarnings);
        return all;
    }
}
