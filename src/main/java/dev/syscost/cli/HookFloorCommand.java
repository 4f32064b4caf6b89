package dev.syscost.cli;

import dev.syscost.profile.SyscallHook;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code syscost __hook-floor -- CMD ARGS}: runs CMD while an empty program sits on the hook
 * {@code profile} would count on (fentry, or the raw tracepoint sys_enter; {@code SYSCOST_HOOK} forces
 * one), so bench/profile-overhead.sh can set the profiler beside the floor of its hook (hidden).
 */
@Command(name = "__hook-floor", hidden = true, description = "Run CMD with an empty program on profile's syscall hook.")
public final class HookFloorCommand implements Callable<Integer> {
    @Parameters(paramLabel = "CMD", arity = "1..*")
    List<String> command = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        try (SyscallHook hook = SyscallHook.floor()) {
            hook.attach();
            spec.commandLine().getErr().println("syscost __hook-floor: " + hook.describe());
            spec.commandLine().getErr().flush();
            Process p = new ProcessBuilder(command).inheritIO().start();
            return p.waitFor();
        }
    }
}
