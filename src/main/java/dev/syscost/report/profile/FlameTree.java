package dev.syscost.report.profile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syscost.profile.stacks.CallStack;
import dev.syscost.profile.stacks.Frame;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The call trees of a profile's {@code stacks[]}, one per process: root (the process) first, the syscall as the leaf. */
final class FlameTree {
    /** Nodes narrower than this share of the process's calls are left out (the page stays light). */
    static final double MIN_SHARE = 0.0005;
    static final int MAX_PROCESSES = 4;

    private static final class Node {
        final String name;
        final String kind;
        long value;
        final Map<String, Node> children = new LinkedHashMap<>();

        Node(String name, String kind) {
            this.name = name;
            this.kind = kind;
        }
    }

    private FlameTree() {}

    /** One tree per pid, the busiest processes first. */
    static Map<Integer, ObjectNode> byProcess(List<CallStack> stacks) {
        Map<Integer, Node> roots = new TreeMap<>();
        for (CallStack s : stacks) {
            long count = s.count();
            Node n = roots.computeIfAbsent(s.pid(), p -> new Node("pid " + p, "process"));
            n.value += count;
            List<Frame> frames = s.frames() == null ? List.of() : s.frames();
            for (int i = frames.size() - 1; i >= 0; i--) {
                Frame f = frames.get(i);
                String name = orElse(f.symbol(), "?");
                String module = orElse(f.module(), "");
                String label = module.isEmpty() || module.equals("[jit]") ? name : name + " (" + module + ")";
                n = child(n, label, orElse(f.kind(), "unknown"));
                n.value += count;
            }
            child(n, "[" + orElse(s.syscall(), "?") + "]", "syscall").value += count;
        }
        Map<Integer, ObjectNode> out = new LinkedHashMap<>();
        roots.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().value, a.getValue().value))
                .limit(MAX_PROCESSES).forEach(e -> out.put(e.getKey(), json(e.getValue(), e.getValue().value * MIN_SHARE)));
        return out;
    }

    private static String orElse(String s, String absent) {
        return s == null ? absent : s;
    }

    private static Node child(Node parent, String name, String kind) {
        return parent.children.computeIfAbsent(kind + "\u0000" + name, k -> new Node(name, kind));
    }

    private static ObjectNode json(Node n, double minValue) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("name", n.name).put("kind", n.kind).put("value", n.value);
        ArrayNode children = o.putArray("children");
        n.children.values().stream().filter(c -> c.value >= minValue)
                .sorted((a, b) -> Long.compare(b.value, a.value))
                .forEach(c -> children.add(json(c, minValue)));
        return o;
    }
}
