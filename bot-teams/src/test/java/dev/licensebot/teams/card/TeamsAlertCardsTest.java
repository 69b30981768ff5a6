package dev.licensebot.teams.card;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.alerts.AlertsView;
import dev.licensebot.core.alerts.IncidentAction;
import dev.licensebot.core.alerts.IncidentNotice;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.teams.testing.AdaptiveCards;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The alerts' cards stay valid and under Teams' size limit however much there is to show. */
class TeamsAlertCardsTest {

    private static IncidentNotice live(Pool pool) {
        return new IncidentNotice("i-" + pool, pool, true, pool.label() + " licenses at 100 %: 10 of 10 in use",
                List.of("Peak 10 of 10 · since 09:00 CET", "4 agents were refused a session license since 10:42",
                        "Acknowledged by *ann*@example.com at 10:50"),
                List.of(IncidentAction.SNOOZE_HOUR, IncidentAction.SNOOZE_TOMORROW), 3);
    }

    @Test
    void theAlertsAnswerWithManyPlacesAndIncidentsFitsOneCard() {
        List<String> places = IntStream.range(0, 60).mapToObj(i -> "#a-channel-with-a-rather-long-name-" + i
                + " (Slack): on since 09:00 (someone.with.a.long.address@example.com), weekly digest Mondays at 09:00")
                .toList();
        List<String> recent = new ArrayList<>();
        IntStream.range(0, 20).forEach(i -> recent.add("Session licenses: resolved · Resolved at 11:20 · peak 25 of 25"
                + " · 4 denials"));
        AlertsView view = new AlertsView("Alerts are on in Ops.", places,
                "Watched: session licenses at 80 / 90 / 100 %, user licenses at 80 / 90 / 100 %; every denial; "
                        + "and a forecast 14 days ahead.", List.of(live(Pool.SESSION), live(Pool.USER)), recent);

        ObjectNode card = AlertCards.view(view);

        AdaptiveCards.assertValid(card);
        String text = AdaptiveCards.text(card);
        assertTrue(text.contains("… and 35 more."), text);
        assertTrue(text.contains("Acknowledged by *ann*@example.com"), "names are shown as written: " + text);
    }

    @Test
    void aResolvedIncidentHasNoButtonsLeft() {
        IncidentNotice resolved = new IncidentNotice("i-1", Pool.SESSION, false, "Session licenses: resolved",
                List.of("Resolved at 11:20 · peak 25 of 25 · 4 denials"), List.of(), 9);

        JsonNode card = AlertCards.incident(resolved);

        AdaptiveCards.assertValid(card);
        assertEquals(List.of(), AdaptiveCards.buttonTitles(card));
        assertEquals("Good", card.path("body").path(0).path("color").asText());
    }
}
