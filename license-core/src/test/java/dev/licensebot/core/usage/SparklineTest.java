package dev.licensebot.core.usage;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SparklineTest {

    @Test
    void eachDayIsOneBlockScaledToTheHighestDay() {
        assertEquals("▁▂▃▄▅▆▇█", Sparkline.of(List.of(0, 1, 2, 3, 4, 5, 6, 7)));
        assertEquals("▁█▅", Sparkline.of(List.of(0, 22, 14)));
    }

    @Test
    void aDayWithAnythingNeverLooksEmpty() {
        assertEquals("▂█", Sparkline.of(List.of(1, 100)));
    }

    @Test
    void aQuietMonthIsAFlatLineOfThirtyDays() {
        assertEquals("▁".repeat(30), Sparkline.of(Collections.nCopies(30, 0)));
    }
}
