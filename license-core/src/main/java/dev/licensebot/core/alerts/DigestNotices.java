package dev.licensebot.core.alerts;

import dev.licensebot.core.digest.Digest;
import dev.licensebot.core.digest.DigestWording;
import dev.licensebot.core.digest.PoolDigest;
import dev.licensebot.core.usage.chart.ChartWording;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The weekly digest in the words of a posted message: the same figures the `digest` answer shows. */
final class DigestNotices {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private DigestNotices() {
    }

    static DigestNotice of(Digest digest) {
        List<DigestNotice.Section> sections = new ArrayList<>();
        for (PoolDigest pool : digest.pools()) {
            List<String> lines = new ArrayList<>();
            String peakDay = pool.weekPeakDay() == null ? "" : " (" + DAY.format(pool.weekPeakDay()) + ")";
            lines.add("Week's peak " + pool.weekPeak() + " of " + pool.total() + peakDay + " · 30-day average "
                    + pool.dailyAverage().toPlainString() + " · " + pool.weekDenials()
                    + (pool.weekDenials() == 1 ? " denial" : " denials") + " this week");
            lines.add("Last 30 days: " + pool.sparkline());
            if (pool.forecastSentence() != null) {
                lines.add(pool.forecastSentence());
            }
            lines.add(pool.sizing());
            sections.add(new DigestNotice.Section(ChartWording.poolTitle(pool.pool()), lines));
        }
        return new DigestNotice(DigestWording.TITLE + " · " + DigestWording.covers(digest), sections, null);
    }
}
