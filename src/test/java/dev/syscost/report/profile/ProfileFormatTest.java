package dev.syscost.report.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syscost.profile.ProfileResult;
import dev.syscost.report.Fixtures;
import dev.syscost.report.OpenMetrics;
import dev.syscost.report.ResultFormats;
import dev.syscost.report.format.Point;
import dev.syscost.report.format.Result;
import dev.syscost.report.format.Section;
import dev.syscost.report.metrics.MetricFamilies;
import org.junit.jupiter.api.Test;

/** The profile room over its record: /1 files without call sites, the entry-floor flag, the metric labels. */
class ProfileFormatTest {
    private static ProfileResult record(JsonNode tree) {
        Result<?> r = ResultFormats.parse(tree);
        assertThat(r.format()).as("parsed by the profile room").isInstanceOf(ProfileFormat.class);
        return (ProfileResult) r.record();
    }

    private static ObjectNode fixture() {
        return (ObjectNode) Fixtures.result("profile.json").deepCopy();
    }

    private static String metrics(ProfileResult r) {
        MetricFamilies m = new MetricFamilies();
        new ProfileFormat().metrics(r, m);
        return OpenMetrics.write(m.snapshots());
    }

    @Test
    void shouldReadAV1FileWithoutCallSitesAndRenderEveryView() {
        ProfileResult r = record(fixture());

        assertThat(r.schema()).isEqualTo("syscost.profile/1");
        assertThat(r.stacks()).isNull();
        assertThat(r.callSites()).isNull();
        assertThat(r.tax().boundedSeconds()).as("absent in a file written before the bound").isNull();
        assertThat(r.tax().pricesFit()).isNull();
        Section section = new Section(r.schema(), "t", "s");
        new ProfileFormat().html(r, section);
        assertThat(section.toNode().toString()).contains("profile-syscalls").doesNotContain("profile-flame")
                .doesNotContain("bound-limited");
        assertThat(new ProfileFormat().text(r)).contains("syscost profile — dd if=/dev/zero")
                .contains("boundary tax 0.836 s").doesNotContain("Call sites");
        assertThat(metrics(r)).contains("syscost_process_syscalls_total{comm=\"dd\",pid=\"4242\",syscall=\"read\"}")
                .doesNotContain("boundary");
        assertThat(new ProfileFormat().points(r)).extracting(Point::id).startsWith("totalSyscalls", "syscallsPerSec", "read");
    }

    @Test
    void shouldCompareAV1FileWithAV2OneAsTheSameKind() {
        JsonNode v1 = fixture();
        JsonNode v2 = Fixtures.result("real/profile-stacks.json");
        assertThat(v1.path("schema").asText()).isNotEqualTo(v2.path("schema").asText());
        assertThat(dev.syscost.report.Compare.compare(v1, "old.json", v2, "new.json").points()).isNotEmpty();
    }

    @Test
    void shouldReadTheFirstProfileFilesWhoseEnvironmentIsASummary() {
        // written before the full environment record: "env": {"kernel": "6.18.44-fc-v782", "cpuModel": …}
        ProfileResult r = record(Fixtures.result("real/profile.json"));

        assertThat(r.env()).as("a summary the record cannot hold reads as unknown").isNull();
        assertThat(new ProfileFormat().header(r).envLines()).isEmpty();
        assertThat(new ProfileFormat().text(r)).startsWith("syscost profile — dd if=/dev/zero of=/dev/null bs=1 count=100000"
                + " (exit status 0)\n  backend bpf: ");
        assertThat(metrics(r)).contains("syscost_process_syscalls_all_total{pid=\"22358\"} 200125.0");
    }

    @Test
    void shouldFlagTheEntryFloorFromTheBuildersListNotFromTheCostSourceText() {
        ObjectNode tree = fixture();
        // mmap is priced at the floor (tax.pricedAtEntryFloor); read's cost source merely reads like the floor's
        ((ObjectNode) tree.path("syscalls").get(0)).put("costSource", "invalid_syscall-looking probe");
        String text = ProfileText.render(record(tree), 10);

        assertThat(text).contains("mmap").containsPattern("mmap .* entry floor\\*")
                .containsPattern("read .* invalid_syscall-looking probe").contains("* no probe of its own");
        ((ArrayNode) tree.path("tax").path("pricedAtEntryFloor")).removeAll();
        assertThat(ProfileText.render(record(tree), 10)).doesNotContain("entry floor*").doesNotContain("* no probe of its own");
    }

    @Test
    void shouldLabelMetricsByThePidAndTheKernelsCommOfTheCommand() {
        ObjectNode tree = fixture();
        ArrayNode command = ((ObjectNode) tree.path("target")).putArray("command");
        command.add("/opt/tools/a-very-long-program-name").add("x".repeat(130));
        ProfileResult r = record(tree);

        assertThat(ProfileMetrics.comm(r)).isEqualTo("a-very-long-pro");
        assertThat(metrics(r)).contains("comm=\"a-very-long-pro\",pid=\"4242\"")
                .contains("command=\"" + ("/opt/tools/a-very-long-program-name " + "x".repeat(130)).substring(0, 117) + "...\"");
        ((ObjectNode) tree.path("target")).remove("pid");
        ((ObjectNode) tree.path("target")).putArray("command");
        ProfileResult attached = record(tree);
        assertThat(ProfileMetrics.pidOf(attached)).as("no pid kept: an empty label, as before").isEmpty();
        assertThat(ProfileMetrics.comm(attached)).isEmpty();
        assertThat(metrics(attached)).doesNotContain("syscost_process_info");
    }

    @Test
    void shouldRenderARecordedProfileWithStacksAsTextAndFoldedStacks() {
        // the same bytes as the tree-era renderers made of this record, except the tax line: read back, a file
        // written before the bound printed "boundary tax ≤ 0.000 s" (the missing figures read as 0 and false)
        ProfileResult r = record(Fixtures.result("real/profile-stacks.json"));

        Fixtures.assertGolden("recorded/real-profile-stacks.txt", ProfileText.render(r, 25));
        Fixtures.assertGolden("recorded/real-profile-stacks.full-stacks.txt", ProfileText.render(r, 7, true));
        Fixtures.assertGolden("recorded/real-profile-stacks.folded.txt", FoldedStacks.render(r.stacks()));
    }

    @Test
    void shouldDrawOneFlameTreePerProcessFromTheRecordsStacks() {
        ProfileResult r = record(Fixtures.result("real/profile-stacks.json"));
        Section section = new Section(r.schema(), "t", "s");
        new ProfileFormat().html(r, section);

        assertThat(r.stacks()).isNotEmpty();
        assertThat(section.toNode().toString()).contains("profile-flame-" + r.stacks().get(0).pid())
                .as("the stacks are drawn, not tabled").doesNotContain("\"title\":\"stacks\"");
    }
}
