package dev.syscost.report;

/**
 * The charting library inlined into every HTML report: Apache ECharts, read from its WebJar
 * ({@code org.webjars.npm:echarts}) on the classpath at render time, so the version is the one the
 * build declares and the page needs no network.
 */
final class ChartLibrary {
    /** Must match {@code echarts.version} in pom.xml (a test checks the resource is there). */
    static final String ECHARTS_VERSION = "5.3.1";
    static final String RESOURCE = "/META-INF/resources/webjars/echarts/" + ECHARTS_VERSION + "/dist/echarts.min.js";

    private static volatile String library;

    private ChartLibrary() {}

    /** The minified library, checked to be safe inside a {@code <script>} element. */
    static String library() {
        String lib = library;
        if (lib == null) {
            lib = ReportTemplate.resource(RESOURCE);
            if (lib.toLowerCase(java.util.Locale.ROOT).contains("</script")) {
                throw new IllegalStateException(RESOURCE + " contains </script and cannot be inlined");
            }
            library = lib;
        }
        return lib;
    }
}
