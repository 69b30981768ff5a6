package dev.licensebot.core.digest;

import dev.licensebot.core.usage.chart.ChartWording;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

/** The words around the digest's figures that every surface shows the same. */
public final class DigestWording {

    public static final String TITLE = "Weekly digest";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private DigestWording() {
    }

    /** "Week: 30 Nov – 7 Dec (the last 7 days and today), days in Europe/Berlin". */
    public static String covers(Digest digest) {
        return "Week: " + DAY.format(digest.weekFrom()) + " – " + DAY.format(digest.today()) + " (the last "
                + Digests.COMPLETED_DAYS + " days and today), days in " + digest.zone().getId();
    }

    /** "Weekly digest: session licenses peaked at 18 of 25, user licenses at 30 of 40": for notifications. */
    public static String notification(Digest digest) {
        return TITLE + ": " + digest.pools().stream()
                .map(p -> ChartWording.poolTitle(p.pool()).toLowerCase(Locale.ROOT) + " peaked at " + p.weekPeak()
                        + " of " + p.total())
                .collect(Collectors.joining(", "));
    }
}
