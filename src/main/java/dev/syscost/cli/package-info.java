/**
 * The picocli commands and nothing else: options, their converters (sizes: {@link dev.syscost.cli.ByteSizeConverter},
 * durations: {@link dev.syscost.cli.DurationConverter}), and {@link dev.syscost.cli.Main}, the one place that
 * maps exceptions to one-line messages and exit codes (2 bad input, 1 failed run, 70 a bug) and words the
 * domain's {@link dev.syscost.InvalidSettingException}s and {@link dev.syscost.SettingNotPermittedException}s as
 * flags ({@link dev.syscost.cli.SettingFlags}). A command parses and checks its options in the flags' words,
 * builds the domain's config record, calls the capability's {@code run} (e.g.
 * {@link dev.syscost.profile.Profile#run}) and renders the result.
 *
 * <p>May import everything; the only package that may import picocli.
 */
package dev.syscost.cli;
