package dev.syscost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import picocli.CommandLine;
import org.junit.jupiter.api.Test;

class SubcommandRegistryTest {
    @Test
    void shouldRegisterEachSubcommandUnderItsOwnAnnotatedName() {
        Main.SUBCOMMANDS.forEach((name, factory) ->
                assertThat(factory.get().getClass().getAnnotation(CommandLine.Command.class).name()).isEqualTo(name));
    }

    @Test
    void shouldListEverySubcommandInTheRootHelp() {
        CliTest.Run r = CliTest.run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("measure", "env", "profile", "amortize", "indirect", "report", "compare", "serve")
                .doesNotContain("__workload");
    }

    @Test
    void shouldBuildOnlyTheInvokedSubcommand() {
        assertThat(Main.commandLine("env", "--help").getSubcommands()).containsOnlyKeys("env");
        assertThat(Main.commandLine("--version").getSubcommands()).isEmpty();
        assertThat(Main.commandLine().getSubcommands()).containsKeys("measure", "serve");
    }
}
