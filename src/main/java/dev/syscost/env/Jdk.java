package dev.syscost.env;

/** The Java runtime doing the measuring. */
public record Jdk(String version, String vendor, String vmName, String home) {
    /** The running JVM. */
    static Jdk current() {
        return new Jdk(Runtime.version().toString(), System.getProperty("java.vendor", Kernel.UNKNOWN),
                System.getProperty("java.vm.name", Kernel.UNKNOWN), System.getProperty("java.home", Kernel.UNKNOWN));
    }
}
