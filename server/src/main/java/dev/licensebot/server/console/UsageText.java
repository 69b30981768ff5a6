package dev.licensebot.server.console;

import dev.licensebot.core.access.Actor;
import dev.licensebot.core.conversation.HelpTopics;
import dev.licensebot.core.conversation.UsageBar;
import dev.licensebot.core.time.TenantTime;
import dev.licensebot.core.usage.PoolUsage;
import dev.licensebot.core.usage.Sparkline;
import dev.licensebot.core.usage.UsageOverview;
import dev.licensebot.core.usage.UsageReport;
import dev.licensebot.core.usage.UsageSummary;

import java.util.stream.Collectors;

/**
 * `usage`: both pools, in use now out of the total with the bar, the 30-day figures, denials today,
 * and the 30-day graph as sparklines (a terminal shows no picture).
 */
final class UsageText {

    private UsageText() {
    }

    static String render(UsageOverview overview, Actor who) {
        UsageSummary usage = overview.summary();
        TextTable table = TextTable.of("Licenses", "In use", "", "Daily average", "Daily max", "Denied today")
                .rightAlign(1).rightAlign(3).rightAlign(5);
        pool(table, "Session", usage.session());
        pool(table, "User", usage.user());
        return new Lines()
                .add("License usage · as of " + TenantTime.dateTimeWithZone(usage.asOf(), usage.zone()))
                .add(table.render())
                .add("Daily figures over the last " + UsageReport.WINDOW_DAYS + " days, days in "
                        + usage.zone().getId() + ".")
                .add("Daily max, last " + UsageReport.WINDOW_DAYS + " days:  Session " + Sparkline.of(overview.session())
                        + "  User " + Sparkline.of(overview.user()))
                .add(more(who))
                .toString();
    }

    private static void pool(TextTable table, String name, PoolUsage pool) {
        String max = pool.dailyMaxDate() == null ? String.valueOf(pool.dailyMax())
                : pool.dailyMax() + " on " + TenantTime.date(pool.dailyMaxDate());
        table.row(name, pool.inUse() + " / " + pool.total(), UsageBar.of(pool.inUse(), pool.total()),
                pool.dailyAverage().toPlainString(), max, pool.deniedToday());
    }

    /** The views this person may open from here, as the buttons under the usage in chat; options are in help. */
    private static String more(Actor who) {
        String words = HelpTopics.forActor(who).stream()
                .map(t -> t.words().split(" \\[", 2)[0])
                .filter(w -> !w.equals("usage"))
                .collect(Collectors.joining(" · "));
        return words.isEmpty() ? "" : "More: " + words;
    }
}
