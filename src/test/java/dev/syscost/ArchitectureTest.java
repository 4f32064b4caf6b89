package dev.syscost;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.constantpool.Utf8Entry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of STYLE.md, held over the compiled main classes (target/classes): every class a class
 * file refers to (its constant pool's class entries and the types in its descriptors and annotations),
 * so a fully qualified name in the code counts as much as an import. Packages point one way:
 * {@code cli → report → {bench, batch, indirect, profile} → {sys, env}}.
 */
class ArchitectureTest {
    private static final Path CLASSES = Path.of("target/classes");
    private static final Pattern DESCRIPTOR_TYPE = Pattern.compile("L([\\w/$]+)[;<]");
    private static final List<String> MEASURERS = List.of("dev/syscost/bench/", "dev/syscost/batch/",
            "dev/syscost/indirect/", "dev/syscost/profile/");

    /** One compiled class and the classes it refers to, as internal names (dev/syscost/sys/Libc). */
    private record Compiled(String name, Set<String> uses) {}

    private static List<Compiled> classes;

    @BeforeAll
    static void readClasses() throws IOException {
        assertThat(CLASSES.resolve("dev/syscost/cli/Main.class")).as("compiled main classes (mvn compile)").exists();
        try (Stream<Path> files = Files.walk(CLASSES)) {
            classes = files.filter(p -> p.toString().endsWith(".class")).map(ArchitectureTest::read).toList();
        }
    }

    private static Compiled read(Path file) {
        ClassModel model;
        try {
            model = ClassFile.of().parse(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> uses = new TreeSet<>();
        for (PoolEntry entry : model.constantPool()) {
            if (entry instanceof ClassEntry c) {
                uses.add(c.asInternalName().replaceFirst("^\\[+L?", "").replaceFirst(";$", ""));
            } else if (entry instanceof Utf8Entry u) {
                Matcher m = DESCRIPTOR_TYPE.matcher(u.stringValue());
                while (m.find()) {
                    uses.add(m.group(1));
                }
            }
        }
        return new Compiled(model.thisClass().asInternalName(), uses);
    }

    /** "dev/syscost/report/Json uses picocli/CommandLine" for each use that breaks the rule. */
    private static List<String> violations(Predicate<String> in, Predicate<String> forbidden) {
        List<String> out = new ArrayList<>();
        for (Compiled c : classes) {
            if (in.test(c.name())) {
                c.uses().stream().filter(forbidden).forEach(u -> out.add(c.name() + " uses " + u));
            }
        }
        return out;
    }

    private static Predicate<String> under(String... prefixes) {
        return name -> Stream.of(prefixes).anyMatch(name::startsWith);
    }

    @Test
    void shouldFindTheMainClasses() {
        assertThat(classes).extracting(Compiled::name).contains("dev/syscost/cli/Main", "dev/syscost/sys/Libc");
        // the rules below can only fail if uses are seen at all
        assertThat(uses("dev/syscost/cli/Main")).contains("picocli/CommandLine");
        assertThat(uses("dev/syscost/sys/Native")).contains("java/lang/foreign/Linker");
    }

    private static Set<String> uses(String name) {
        return classes.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().uses();
    }

    @Test
    void shouldKeepLinkerDowncallsAndUpcallsInSys() {
        assertThat(violations(under("dev/syscost/sys/").negate(),
                u -> u.equals("java/lang/foreign/Linker") || u.startsWith("java/lang/foreign/Linker$")))
                .as("only dev.syscost.sys may use java.lang.foreign.Linker (downcallHandle, upcallStub)").isEmpty();
    }

    @Test
    void shouldKeepPicocliInCli() {
        assertThat(violations(under("dev/syscost/cli/").negate(), under("picocli/")))
                .as("nothing below cli may use picocli").isEmpty();
    }

    @Test
    void shouldKeepSysAndEnvBelowEverythingElse() {
        assertThat(violations(under("dev/syscost/sys/", "dev/syscost/env/"),
                under("dev/syscost/bench/", "dev/syscost/batch/", "dev/syscost/indirect/", "dev/syscost/profile/",
                        "dev/syscost/report/", "dev/syscost/cli/")))
                .as("sys and env may use only each other (and the root exceptions)").isEmpty();
    }

    @Test
    void shouldKeepSysFreeOfEnv() {
        assertThat(violations(under("dev/syscost/sys/"), under("dev/syscost/env/")))
                .as("sys holds the bindings; env reads the machine through them, never the other way").isEmpty();
    }

    @Test
    void shouldKeepTheMeasurersFromUsingReportOrCli() {
        assertThat(violations(name -> MEASURERS.stream().anyMatch(name::startsWith),
                under("dev/syscost/cli/", "dev/syscost/report/")))
                .as("the measurers (bench, batch, indirect, profile) never use report or cli").isEmpty();
    }

    @Test
    void shouldKeepProgressBelowTheMeasurers() {
        assertThat(violations(under("dev/syscost/progress/"),
                under("dev/syscost/bench/", "dev/syscost/batch/", "dev/syscost/indirect/", "dev/syscost/profile/",
                        "dev/syscost/report/", "dev/syscost/cli/", "dev/syscost/env/")))
                .as("progress is plumbing below the measurers: it may use sys and the root package only").isEmpty();
    }

    @Test
    void shouldKeepReportFromUsingCli() {
        assertThat(violations(under("dev/syscost/report/"), under("dev/syscost/cli/", "dev/syscost/serve/")))
                .as("report renders results; only cli wires commands, and the serve daemon sits above report").isEmpty();
    }

    /** The packages under report that are a result kind's room (everything but the kit and the tree views). */
    private static final Set<String> NOT_ROOMS = Set.of("format", "metrics");

    private static String roomOf(String name) {
        if (!name.startsWith("dev/syscost/report/")) {
            return null;
        }
        String rest = name.substring("dev/syscost/report/".length());
        int slash = rest.indexOf('/');
        return slash < 0 || NOT_ROOMS.contains(rest.substring(0, slash)) ? null : rest.substring(0, slash);
    }

    @Test
    void shouldKeepTheKitFromKnowingTheRooms() {
        assertThat(violations(under("dev/syscost/report/format/", "dev/syscost/report/metrics/"), name -> roomOf(name) != null
                || (name.startsWith("dev/syscost/report/") && name.indexOf('/', "dev/syscost/report/".length()) < 0)))
                .as("report/format and report/metrics are the kit every room builds on: they never use a room or the report root").isEmpty();
    }

    @Test
    void shouldKeepEachRoomToTheKitAndItsOwnClasses() {
        Set<String> notRooms = NOT_ROOMS;
        List<String> out = new ArrayList<>();
        Set<String> rooms = new TreeSet<>();
        for (Compiled c : classes) {
            String[] parts = c.name().split("/");
            if (parts.length != 5 || !c.name().startsWith("dev/syscost/report/") || notRooms.contains(parts[3])) {
                continue;
            }
            rooms.add(parts[3]);
            String room = "dev/syscost/report/" + parts[3] + "/";
            c.uses().stream().filter(under("dev/syscost/report/", "dev/syscost/serve/", "dev/syscost/cli/"))
                    .filter(under(room, "dev/syscost/report/format/", "dev/syscost/report/metrics/").negate())
                    .forEach(u -> out.add(c.name() + " uses " + u));
        }
        assertThat(rooms).contains("measure", "env", "profile", "amortize", "ipc", "indirect", "compare", "top");
        assertThat(out).as("a room (report/measure, report/env, …) uses only report.format, report.metrics and its own"
                + " classes: never report itself, another room, serve or cli").isEmpty();
    }

    @Test
    void shouldKeepTheServeDaemonBelowCli() {
        assertThat(violations(under("dev/syscost/serve/"), under("dev/syscost/cli/")))
                .as("serve is a daemon the cli starts; it never uses cli").isEmpty();
    }

    @Test
    void shouldDescribeEveryPackageInAPackageInfo() throws IOException {
        List<Path> missing;
        try (Stream<Path> dirs = Files.walk(Path.of("src/main/java"))) {
            missing = dirs.filter(Files::isDirectory).filter(ArchitectureTest::holdsJava)
                    .filter(d -> !Files.exists(d.resolve("package-info.java"))).toList();
        }
        assertThat(missing).as("packages without a package-info.java (what it owns, what it may import)").isEmpty();
    }

    private static boolean holdsJava(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
