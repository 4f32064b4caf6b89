/**
 * The room of {@code syscost profile}'s result ({@link dev.syscost.profile.ProfileResult}, schemas
 * {@code syscost.profile/2} and /1): {@link dev.syscost.report.profile.ProfileFormat} and every view of it,
 * the terminal report ({@code ProfileText}, with {@code ProfileStacksText} for {@code --stacks}), the folded
 * stacks of {@code --folded} ({@code FoldedStacks}), the HTML section with its flame trees ({@code ProfileHtml},
 * {@code FlameTree}), the OpenMetrics families ({@code ProfileMetrics}) and the figures {@code compare} sets
 * side by side. All of them read the record; a /1 file's missing call sites come back null.
 *
 * <p>May import: {@code report.format}, {@code report.metrics}, {@code profile} (and its {@code stacks}),
 * {@code env} and Jackson. Never {@code report} itself, another room, {@code serve} or {@code cli}.
 */
package dev.syscost.report.profile;
