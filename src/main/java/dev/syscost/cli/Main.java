package dev.syscost.cli;

import dev.syscost.InvalidSettingException;
import dev.syscost.SyscostException;
import dev.syscost.UsageException;
import dev.syscost.profile.ProfilePrefetch;
import dev.syscost.sys.NativeException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
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
        dev.syscost.StartupTrace.mark("main");
        if (args.length > 0 && args[0].equals("profile")) {
            ProfilePrefetch.start(); // links and looks up on a second thread while picocli parses on this one
        }
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // Fast path: the answer needs none of the command model, whose reflection costs ~0.4 s.
            System.out.println(VersionProvider.line());
            return;
        }
        System.exit(run(args, GlyphWriter.forStream(System.out, "stdout.encoding"),
                GlyphWriter.forStream(System.err, "stderr.encoding")));
    }

    /**
     * Every subcommand by name, in the order help lists them. A name must equal its class's
     * {@code @Command(name)} (a test checks).
     */
    static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("measure", MeasureCommand::new);
        m.put("env", EnvCommand::new);
        m.put("profile", ProfileCommand::new);
        m.put("amortize", AmortizeCommand::new);
        m.put("indirect", IndirectCommand::new);
        m.put("ipc", IpcCommand::new);
        m.put("report", ReportCommand::new);
        m.put("compare", CompareCommand::new);
        m.put("serve", ServeCommand::new);
        m.put("top", TopCommand::new);
        m.put("__workload", WorkloadCommand::new);
        m.put("__ipc-peer", IpcPeerCommand::new);
        m.put("__hook-floor", HookFloorCommand::new);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Runs the CLI with the given streams and returns the exit code (for tests and embedding). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine(args);
        cl.setOut(out);
        cl.setErr(err);
        dev.syscost.StartupTrace.mark("command line built");
        int code = cl.execute(args);
        dev.syscost.StartupTrace.mark("exit");
        return code;
    }

    /**
     * The configured picocli command tree for these arguments: only the named subcommand when the first
     * argument names one, none for a lone --version, every one otherwise (help, bare measure, typos).
     */
    public static CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(new SyscostCommand());
        boolean versionOnly = args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
        if (args.length > 0 && SUBCOMMANDS.containsKey(args[0])) {
            cl.addSubcommand(args[0], SUBCOMMANDS.get(args[0]).get());
        } else if (!versionOnly) {
            SUBCOMMANDS.forEach((name, factory) -> cl.addSubcommand(name, factory.get()));
        }
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        if (cl.getSubcommands().size() > 1) { // the top-level help lists them
            cl.getSubcommands().values().forEach(Main::headerFromFirstSentence);
        }
        cl.setParameterExceptionHandler((ex, badArgs) -> {
            CommandLine cmd = ex.getCommandLine();
            String suggestion = "";
            if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
                suggestion = " (did you mean " + String.join(" or ", u.getSuggestions()) + "?)";
            }
            cmd.getErr().println("syscost: " + oneLine(messageOf(ex)) + suggestion
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
                err.println("syscost: " + oneLine(SettingFlags.messageOf(ex)));
            }
            return code;
        });
        return cl;
    }

    /** A bad size or duration as "--sizes: '4x' is not a size; …", the way every option names its rule. */
    private static String messageOf(CommandLine.ParameterException ex) {
        if (ex.getCause() instanceof UnitConversionException bad && ex.getArgSpec() instanceof CommandLine.Model.OptionSpec o) {
            return o.longestName() + ": " + bad.getMessage();
        }
        return ex.getMessage();
    }

    /**
     * The command list of the top-level help shows a command's header, or else only the first line of its
     * description, which cut sentences mid-way: give every command its description's first whole sentence.
     */
    private static void headerFromFirstSentence(CommandLine sub) {
        var usage = sub.getCommandSpec().usageMessage();
        if (usage.header().length > 0 || usage.description().length == 0) {
            return;
        }
        String text = String.join(" ", usage.description()).replaceAll("\\s+", " ").strip();
        java.util.regex.Matcher end = java.util.regex.Pattern.compile("[.:](\\s|$)").matcher(text);
        String sentence = end.find() ? text.substring(0, end.start()) : text;
        usage.header(sentence + ".");
    }

    /** The exit code for a failure: the one mapping from exception types to codes. */
    static int exitCodeOf(Throwable ex) {
        if (ex instanceof UsageException || ex instanceof InvalidSettingException || ex instanceof CommandLine.ParameterException) {
            return EXIT_USAGE;
        }
        if (ex instanceof SyscostException || ex instanceof NativeException
                || ex instanceof java.io.IOException || ex instanceof java.io.UncheckedIOException) {
            return EXIT_RUNTIME;
        }
        return EXIT_BUG;
    }

    private static String oneLine(String message) {
        // Messages can quote input files: never let them carry escape sequences to the terminal.
        return message == null ? "failed" : dev.syscost.report.format.Sanitize.line(message.strip().replaceAll("\\s*\\R\\s*", "; "));
    }
}
