package dev.licensebot.server.ops;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.lang.management.ManagementFactory;

/**
 * Tells Jetty how many object references fill a CPU cache line, which it pads its queues with.
 * Left to find out by itself, Jetty asks the platform MBean server, and creating that server
 * registers every JVM MBean, the flight recorder's among them: a tenth of a second or more of a
 * start (bench/NOTES.md, B5 start-up). The diagnostic MXBean alone answers the same question.
 */
public final class JettyReferencesPerCacheLine {

    static final String PROPERTY = "org.eclipse.jetty.util.referencesPerCacheLine";
    /** Jetty's own default for the size of a cache line. */
    private static final int CACHE_LINE_BYTES = 64;

    private JettyReferencesPerCacheLine() {
    }

    /** Must run before Jetty's MemoryUtils loads; an explicit -D setting wins. */
    public static void apply() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, Integer.toString(value()));
        }
    }

    /** As Jetty computes it: 4-byte references with compressed oops, 8-byte ones without. */
    static int value() {
        boolean compressed = Boolean.parseBoolean(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                .getVMOption("UseCompressedOops").getValue());
        return CACHE_LINE_BYTES / (compressed ? Integer.BYTES : Long.BYTES);
    }
}
