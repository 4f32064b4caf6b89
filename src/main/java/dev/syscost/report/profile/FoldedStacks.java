package dev.syscost.report.profile;

import dev.syscost.profile.stacks.CallStack;
import dev.syscost.profile.stacks.Frame;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Brendan Gregg's folded stacks, as flamegraph.pl and speedscope read them: one line per (stack, syscall),
 * frames root first separated by {@code ;}, the syscall as the last frame in square brackets, a space and
 * the count ({@code main;W.tinyWrites;…;write;[write] 1999872}). Identical lines from several processes merge.
 */
public final class FoldedStacks {
    /** A parsed line: frames root first (the syscall leaf not included). */
    public record Line(List<String> frames, String syscall, long count) {}

    private FoldedStacks() {}

    /** The folded text of {@code stacks}. */
    public static String render(List<CallStack> stacks) {
        Map<String, Long> lines = new LinkedHashMap<>();
        for (CallStack c : stacks) {
            StringBuilder sb = new StringBuilder();
            for (int i = c.frames().size() - 1; i >= 0; i--) {
                sb.append(name(c.frames().get(i))).append(';');
            }
            sb.append('[').append(c.syscall()).append(']');
            lines.merge(sb.toString(), c.count(), Long::sum);
        }
        StringBuilder out = new StringBuilder();
        lines.forEach((k, v) -> out.append(k).append(' ').append(v).append('\n'));
        return out.toString();
    }

    /** A frame's text: the symbol, with the module where the symbol alone says nothing; no ';' or newline. */
    static String name(Frame f) {
        String s = f.symbol().equals(Frame.UNKNOWN) || f.kind().equals("unknown")
                ? f.symbol() + " [" + f.module() + "]" : f.symbol();
        return s.replace(';', ':').replace('\n', ' ');
    }

    /** Parses folded text back; throws IllegalArgumentException naming the first bad line. */
    public static List<Line> parse(String text) {
        List<Line> out = new ArrayList<>();
        int n = 0;
        for (String line : text.split("\n")) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            if (space <= 0) {
                throw new IllegalArgumentException("folded line " + n + " has no count: " + line);
            }
            long count = Long.parseLong(line.substring(space + 1).strip());
            List<String> frames = new ArrayList<>(List.of(line.substring(0, space).split(";")));
            String leaf = frames.remove(frames.size() - 1);
            if (!leaf.startsWith("[") || !leaf.endsWith("]")) {
                throw new IllegalArgumentException("folded line " + n + " does not end in a [syscall] frame: " + line);
            }
            out.add(new Line(List.copyOf(frames), leaf.substring(1, leaf.length() - 1), count));
        }
        return out;
    }
}
