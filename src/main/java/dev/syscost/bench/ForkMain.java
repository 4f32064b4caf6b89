package dev.syscost.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The entry point of one measure fork (started by {@link Forks}, never by hand): reads its configuration
 * from the first argument (JSON), runs the ladder, writes the {@link Fork} as JSON to the file named by the
 * second, and prints its steps on stdout for the parent to draw.
 */
public final class ForkMain {
    private ForkMain() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("syscost: ForkMain is started by `syscost measure`, with a configuration and a result file");
            System.exit(2);
        }
        MeasureConfig config = Forks.MAPPER.readValue(args[0], MeasureConfig.class);
        exitWhenParentDies();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Fork fork = Ladder.runHere(config, (index, total, label, detail) ->
                out.println(Forks.STEP + "\t" + index + "\t" + total + "\t" + label + "\t" + detail));
        Path result = Path.of(args[1]);
        Path tmp = result.resolveSibling(result.getFileName() + ".tmp");
        Files.writeString(tmp, Forks.toJson(fork), StandardCharsets.UTF_8);
        Files.move(tmp, result);
        System.exit(0);
    }

    /** The parent holds our stdin open; EOF means it died, and a fork must not go on measuring alone. */
    private static void exitWhenParentDies() {
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // Nothing is ever sent; only the end matters.
                }
            } catch (IOException e) {
                // Same as EOF.
            }
            Runtime.getRuntime().halt(130);
        }, "syscost-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }
}
