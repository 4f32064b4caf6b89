package dev.syscost.profile.stacks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How the call sites were counted and what they could not see.
 *
 * @param stackPeriod        one call in N was walked, chosen at random in the kernel (1: all, counts exact)
 * @param exact              stackPeriod == 1 and nothing was lost
 * @param callsWalked        calls whose stack the kernel took (before scaling by the period)
 * @param stackIdCollisions  walks whose stack hashed to a bucket holding another stack (EEXIST)
 * @param stackMapFull       walks with no free stack map entry (ENOMEM)
 * @param noUserStack        walks that found no user stack (EFAULT and others)
 * @param siteMapFull        walks not counted at all: the (process, syscall, stack) map was full
 * @param truncatedShare     share of attributed calls whose stack stopped before the thread's first frame
 * @param namedJavaShare     of the calls with a Java frame, the share whose innermost one is a named method (null: no Java)
 * @param javaToolOptions    what run mode appended to JAVA_TOOL_OPTIONS, or null
 * @param notes              lines for the report: stripped modules, missing perf maps, the fix for early stops
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StackSummary(int stackPeriod, boolean exact, long callsWalked, long stackIdCollisions, long stackMapFull,
                           long noUserStack, long siteMapFull, double truncatedShare, Double namedJavaShare,
                           String javaToolOptions, List<String> notes) {}
