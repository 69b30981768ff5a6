package dev.licensebot.server.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliDurationTest {

    @Test
    void secondsMinutesAndHoursAreRead() {
        assertEquals(Duration.ofSeconds(45), DurationConverter.parse("45s"));
        assertEquals(Duration.ofMinutes(30), DurationConverter.parse("30m"));
        assertEquals(Duration.ofHours(2), DurationConverter.parse("2h"));
    }

    @Test
    void upperCaseAndSurroundingSpacesAreForgiven() {
        assertEquals(Duration.ofMinutes(90), DurationConverter.parse(" 90M "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "30", "m", "1.5h", "30x", "-5m", "30 m", "2d", "1234567s", "PT30M"})
    void anythingElseIsRefusedWithAnExample(String text) {
        CommandLine.TypeConversionException e = assertThrows(CommandLine.TypeConversionException.class,
                () -> DurationConverter.parse(text));
        assertTrue(e.getMessage().contains("such as 45s, 30m or 2h"), e.getMessage());
    }
}
