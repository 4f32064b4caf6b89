package dev.syscost.report.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
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
    static Map<Integer, ObjectNode> byProcess(JsonNode stacks) {
        Map<Integer, Node> roots = new TreeMap<>();
        for (JsonNode s : stacks) {
            int pid = s.path("pid").asInt();
            long count = s.path("count").asLong();
            Node n = roots.computeIfAbsent(pid, p -> new Node("pid " + p, "process"));
            n.value += count;
            List<JsonNode> frames = new ArrayList<>();
            s.path("frames").forEach(frames::add);
            for (int i = frames.size() - 1; i >= 0; i--) {
                JsonNode f = frames.get(i);
                String name = f.path("symbol").asText("?");
                String module = f.path("module").asText("");
                String label = module.isEmpty() || module.equals("[jit]") ? name : name + " (" + module + ")";
                n = child(n, label, f.path("kind").asText("unknown"));
                n.value += count;
            }
            child(n, "[" + s.path("syscall").asText("?") + "]", "syscall").value += count;
        }
        Map<Integer, ObjectNode> out = new LinkedHashMap<>();
        roots.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().value, a.getValue().value))
                .limit(MAX_PROCESSES).forEach(e -> out.put(e.getKey(), json(e.getValue(), e.getValue().value * MIN_SHARE)));
        return out;
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
