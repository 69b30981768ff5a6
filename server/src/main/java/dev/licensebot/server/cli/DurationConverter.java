package dev.licensebot.server.cli;

import picocli.CommandLine;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the short durations operators type: `45s`, `30m`, `2h`. */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    // Six digits is already more than a week in seconds; longer input is a typo, not a timeout.
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,6})([smh])");

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    public static Duration parse(String value) {
        String text = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        Matcher m = SHORT_DURATION.matcher(text);
        if (!m.matches()) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a duration such as 45s, 30m or 2h");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }
}
