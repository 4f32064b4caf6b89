package dev.syscost.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The HTML report template (a resource, like async-profiler's flame.html) and its two slots. */
final class ReportTemplate {
    static final String RESOURCE = "/dev/syscost/report/report.html";
    static final String LIBRARY_SLOT = "/*@CHARTING_LIBRARY@*/";
    static final String DATA_SLOT = "/*@DATA@*/";

    private ReportTemplate() {}

    /** The template with the library and the (already script-safe) data put in their slots. */
    static String fill(String library, String safeData) {
        String template = resource(RESOURCE);
        int lib = template.indexOf(LIBRARY_SLOT);
        int data = template.indexOf(DATA_SLOT);
        if (lib < 0 || data < lib) {
            throw new IllegalStateException("report template " + RESOURCE + " lacks its slots");
        }
        // Split on the slots rather than replace(): neither the library nor the data may be scanned for markers.
        return template.substring(0, lib) + library
                + template.substring(lib + LIBRARY_SLOT.length(), data) + safeData
                + template.substring(data + DATA_SLOT.length());
    }

    /** A classpath resource as UTF-8 text. */
    static String resource(String name) {
        try (InputStream in = ReportTemplate.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the syscost jar; rebuild it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + name, e);
        }
    }
}
