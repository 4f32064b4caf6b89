package dev.syscost.cli;

import dev.syscost.SyscostException;
import dev.syscost.UsageException;
import dev.syscost.sys.NativeException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Entry point: builds the command line and maps every failure to one line and an exit code, in one
 * place (2 = bad usage, 1 = the run failed, 70 = a bug in syscost, with its stack trace).
 */
public final class Main {
    public static final int EXIT_RUNTIME = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_BUG = 70;

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams and returns the exit code (for tests and embedding). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    /** The configured picocli command tree. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new SyscostCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            String suggestion = "";
            if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
                suggestion = " (did you mean " + String.join(" or ", u.getSuggestions()) + "?)";
            }
            cmd.getErr().println("syscost: " + oneLine(ex.getMessage()) + suggestion
                    + "; see `" + cmd.getCommandSpec().qualifiedName() + " --help`");
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            int code = exitCodeOf(ex);
            if (code == EXIT_BUG) {
                err.println("syscost: internal error (a bug; please report it with this trace):");
                ex.printStackTrace(err);
            } else {
                err.println("syscost: " + oneLine(ex.getMessage()));
            }
            return code;
        });
        return cl;
    }

    /** The exit code for a failure: the one mapping from exception types to codes. */
    static int exitCodeOf(Throwable ex) {
        if (ex instanceof UsageException || ex instanceof CommandLine.ParameterException) {
            return EXIT_USAGE;
        }
        if (ex instanceof SyscostException || ex instanceof NativeException
                || ex instanceof java.io.IOException || ex instanceof java.io.UncheckedIOException) {
            return EXIT_RUNTIME;
        }
        return EXIT_BUG;
    }

    private static String oneLine(String message) {
        return message == null ? "failed" : message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
