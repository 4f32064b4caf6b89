package dev.syscost.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest; touches nothing native, so it answers fast. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {line()};
    }

    /** "syscost 0.1.0 (Java 25...)". */
    static String line() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return "syscost " + (v == null ? "dev" : v) + " (Java " + Runtime.version() + ")";
    }
}
