package dev.licensebot.server.console;

import dev.licensebot.core.digest.Digest;
import dev.licensebot.core.digest.DigestWording;
import dev.licensebot.core.digest.PoolDigest;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.time.TenantTime;
import dev.licensebot.core.usage.UsageReport;

/**
 * `digest`: the week's peak against the 30-day average and the total, the week's denials, each
 * pool's sizing line and forecast, and the 30-day graph as sparklines (a terminal shows no picture).
 */
final class DigestText {

    private DigestText() {
    }

    static String render(Digest digest) {
        TextTable table = TextTable.of("Licenses", "Week's peak", UsageReport.WINDOW_DAYS + "-day average",
                "Denials this week", "Daily max, last " + UsageReport.WINDOW_DAYS + " days")
                .rightAlign(1).rightAlign(2).rightAlign(3);
        for (PoolDigest pool : digest.pools()) {
            table.row(name(pool), pool.weekPeak() + " / " + pool.total(), pool.dailyAverage().toPlainString(),
                    pool.weekDenials(), pool.sparkline());
        }
        Lines lines = new Lines()
                .add(DigestWording.TITLE + " · as of " + TenantTime.dateTimeWithZone(digest.asOf(), digest.zone()))
                .add(table.render())
                .add(DigestWording.covers(digest) + ".");
        for (PoolDigest pool : digest.pools()) {
            lines.add(name(pool) + ": " + pool.sizing());
            if (pool.forecastSentence() != null) {
                lines.add(name(pool) + ": " + pool.forecastSentence());
            }
        }
        return lines.toString();
    }

    private static String name(PoolDigest pool) {
        return pool.pool() == Pool.SESSION ? "Session" : "User";
    }
}
