package dev.licensebot.teams.card;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.alerts.AlertsChange;
import dev.licensebot.core.alerts.AlertsView;
import dev.licensebot.core.alerts.IncidentAction;
import dev.licensebot.core.alerts.IncidentNotice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The alerts as cards: an incident's live message, the weekly digest, and the answer to "alerts".
 * Every word is the core's; lines may hold names people chose, so they are escaped as sentences.
 * An incident's buttons are Action.Submit: its card is shared by the whole chat, and only the
 * core's next delivery may change it, never one person's press.
 */
public final class AlertCards {

    /** Long enough for any line the core words; cuts a name nobody could read anyway. */
    static final int LINE_LENGTH = 400;
    /** "alerts" lists at most this many places; the rest are counted. */
    static final int PLACES_SHOWN = 25;

    private AlertCards() {
    }

    public static ObjectNode incident(IncidentNotice notice) {
        AdaptiveCard card = AdaptiveCard.titled(Text.cut(notice.summary(), LINE_LENGTH))
                .add(Elements.heading(line(notice.headline())).put("color", notice.live() ? "Attention" : "Good"));
        notice.lines().forEach(l -> card.add(Elements.text(line(l))));
        if (notice.offersActiveAgents()) {
            card.action(Actions.submit("Active agents", ViewData.active(null, null, 1)));
        }
        for (IncidentAction action : notice.buttons()) {
            card.action(Actions.submit(action.label(), ActionData.of(Verb.ALERT)
                    .with(Param.INCIDENT, notice.incidentId()).with(Param.ALERT_ACTION, action.name())));
        }
        return card.build();
    }

    /** The answer to "alerts" and its changes: what was done, where alerts go, the levels, the incidents. */
    public static ObjectNode view(AlertsView view) {
        AdaptiveCard card = AdaptiveCard.titled(Text.cut(view.sentence(), LINE_LENGTH))
                .add(Elements.heading("Alerts"))
                .add(Elements.text(line(view.sentence())));
        List<ObjectNode> places = new ArrayList<>();
        if (view.places().isEmpty()) {
            places.add(Elements.text("No place receives alerts yet: type \"alerts on\" in the channel or chat "
                    + "that should."));
        } else {
            places.add(Elements.text("**Alerts go to**"));
            view.places().stream().limit(PLACES_SHOWN).forEach(p -> places.add(Elements.text("• " + line(p))));
            if (view.places().size() > PLACES_SHOWN) {
                places.add(Elements.subtle("… and " + (view.places().size() - PLACES_SHOWN) + " more."));
            }
        }
        card.add(Elements.separated(Elements.container(places)));
        card.add(Elements.subtle(line(view.levels())));
        for (IncidentNotice live : view.live()) {
            List<ObjectNode> items = new ArrayList<>();
            items.add(Elements.attention("**Live: " + line(live.headline()) + "**"));
            live.lines().forEach(l -> items.add(Elements.subtle(line(l))));
            card.add(Elements.separated(Elements.container(items)));
        }
        if (!view.recent().isEmpty()) {
            List<ObjectNode> items = new ArrayList<>();
            items.add(Elements.text("**Resolved in the last week**"));
            view.recent().forEach(r -> items.add(Elements.subtle(line(r))));
            card.add(Elements.separated(Elements.container(items)));
        }
        return card.build();
    }

    /** The press an alert's button stands for; data comes from the client, so it is checked. */
    public static AlertsChange.Press press(ActionData data) {
        String incident = data.param(Param.INCIDENT).orElseThrow(AlertCards::unknown);
        String action = data.param(Param.ALERT_ACTION).orElseThrow(AlertCards::unknown);
        try {
            return new AlertsChange.Press(incident, IncidentAction.valueOf(action.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw unknown();
        }
    }

    private static Refusal unknown() {
        return Refusal.invalid("alert", "That button sent nothing I understand; nothing was done.");
    }

    private static String line(String text) {
        return Text.sentence(Text.cut(text, LINE_LENGTH));
    }
}
