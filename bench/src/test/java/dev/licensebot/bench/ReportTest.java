package dev.licensebot.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReportTest {

    @Test
    void aRatioShowsTwoDecimals() {
        assertEquals("1.94×", Report.ratio(1.9399));
        assertEquals("0.30×", Report.ratio(0.3));
    }

    @Test
    void aTinyRatioKeepsTwoSignificantDigitsInsteadOfReadingAsZero() {
        // B4's usage p99 against a COUNT(*) of 3 M rows: 20.65 ms / 5,671 ms.
        assertEquals("0.0036×", Report.ratio(20.65 / 5671.19));
    }
}
