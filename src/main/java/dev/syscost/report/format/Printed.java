package dev.syscost.report.format;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Consumer;

/** Text a renderer prints to a {@link PrintWriter}, as one string: for renderers the CLI streams and a format returns. */
public final class Printed {
    private Printed() {}

    /** What {@code print} writes. */
    public static String of(Consumer<PrintWriter> print) {
        StringWriter s = new StringWriter();
        try (PrintWriter out = new PrintWriter(s)) {
            print.accept(out);
        }
        return s.toString();
    }
}
