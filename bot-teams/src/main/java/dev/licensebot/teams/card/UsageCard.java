package dev.licensebot.teams.card;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.access.Action;
import dev.licensebot.core.conversation.LicenseRequest.HistoryKind;
import dev.licensebot.core.conversation.UsageBar;
import dev.licensebot.core.time.TenantTime;
import dev.licensebot.core.usage.PoolUsage;
import dev.licensebot.core.usage.UsageReport;
import dev.licensebot.core.usage.UsageSummary;
import dev.licensebot.teams.identity.Requester;

import java.util.ArrayList;
import java.util.List;

/** Both pools: in use now out of the total with a bar, 30-day daily average and max, denials today. */
public final class UsageCard {

    private UsageCard() {
    }

    public static ObjectNode of(UsageSummary usage, Requester who) {
        AdaptiveCard card = AdaptiveCard.titled("License usage")
                .add(Elements.heading("License usage"))
                .add(Elements.subtle("As of " + TenantTime.dateTimeWithZone(usage.asOf(), usage.zone())))
                .add(pool("Session licenses", usage.session()))
                .add(pool("User licenses", usage.user()))
                .actions(buttons(who))
                .refresh(ViewData.usage(), who.teamsUserId());
        return card.build();
    }

    private static ObjectNode pool(String title, PoolUsage pool) {
        String max = pool.dailyMaxDate() == null ? String.valueOf(pool.dailyMax())
                : pool.dailyMax() + " on " + TenantTime.date(pool.dailyMaxDate());
        return Elements.separated(Elements.container(List.of(
                Elements.text("**" + title + "**"),
                Elements.columns(List.of(
                        Elements.column("auto", List.of(Elements.text("**" + pool.inUse() + " / " + pool.total()
                                + "** in use"))),
                        Elements.column("stretch", List.of(Elements.monospace(UsageBar.of(pool.inUse(),
                                pool.total())))))),
                Elements.facts(List.of(
                        new Elements.Fact("Daily average (" + UsageReport.WINDOW_DAYS + " days)",
                                pool.dailyAverage().toPlainString()),
                        new Elements.Fact("Daily max (" + UsageReport.WINDOW_DAYS + " days)", max),
                        new Elements.Fact("Denials today", String.valueOf(pool.deniedToday())))))));
    }

    /** Only the views this person may open. */
    private static List<ObjectNode> buttons(Requester who) {
        List<ObjectNode> buttons = new ArrayList<>();
        buttons.add(Actions.execute("Refresh", ViewData.usage()));
        if (who.actor().may(Action.VIEW_ACTIVE_SESSIONS)) {
            buttons.add(Actions.execute("Active agents", ViewData.active(null, null, 1)));
        }
        if (who.actor().may(Action.VIEW_HISTORY)) {
            buttons.add(Actions.execute("Session history", history(HistoryKind.SESSIONS)));
            buttons.add(Actions.execute("User history", history(HistoryKind.USERS)));
            buttons.add(Actions.execute("Purchase history", history(HistoryKind.PURCHASES)));
        }
        return buttons;
    }

    private static ActionData history(HistoryKind kind) {
        return ViewData.history(kind, null, 1);
    }
}
