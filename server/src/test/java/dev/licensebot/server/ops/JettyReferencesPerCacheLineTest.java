package dev.licensebot.server.ops;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JettyReferencesPerCacheLineTest {

    /** This JVM's heap is far below 32 GB, so its references are compressed unless told otherwise. */
    @Test
    void withCompressedReferencesSixteenFillACacheLine() {
        List<String> options = ManagementFactory.getRuntimeMXBean().getInputArguments();
        int expected = options.contains("-XX:-UseCompressedOops") ? 8 : 16;

        assertEquals(expected, JettyReferencesPerCacheLine.value());
    }
}
