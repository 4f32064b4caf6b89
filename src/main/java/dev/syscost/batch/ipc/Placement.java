package dev.syscost.batch.ipc;

/** Where the two processes run: on different CPUs (the default) or sharing one. */
public enum Placement {
    DIFFERENT("different-cores"),
    SAME("same-core");

    private final String label;

    Placement(String label) {
        this.label = label;
    }

    /** The name used in reports and JSON: {@code different-cores} or {@code same-core}. */
    public String label() {
        return label;
    }
}
