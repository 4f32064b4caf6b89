package dev.syscost.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest; touches nothing native, so it answers fast. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = SyscostCommand.class.getPackage().getImplementationVersion();
        return new String[] {"syscost " + (v == null ? "dev" : v) + " (Java " + Runtime.version() + ")"};
    }
}
