package dev.licensebot.server.teams;

import com.fasterxml.jackson.databind.JsonNode;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.core.usage.chart.ChartPixels;
import dev.licensebot.teams.testing.AdaptiveCards;
import dev.licensebot.teams.testing.CardImages;
import dev.licensebot.teams.testing.TeamsActivities.User;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TeamsUsageChartTest {

    @OnBothDatabases
    void theUsageCardCarriesBothGraphsInlineWithTheirFigures(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            User supervisor = teams.person(Role.SUPERVISOR);
            teams.openSession("s-graph-1", "ann");

            JsonNode card = teams.say(supervisor, "usage");

            AdaptiveCards.assertValid(card);
            List<JsonNode> images = CardImages.of(card);
            assertEquals(2, images.size(), card::toPrettyString);
            assertEquals("Session licenses, last 30 days: daily max 1 on 10 Mar, average 1.0, 10 licensed, 0 denials",
                    images.get(0).path("altText").asText());
            assertTrue(images.get(1).path("altText").asText().startsWith("User licenses, last 30 days:"));
            ChartPixels session = ChartPixels.decode(CardImages.png(images.get(0)));
            assertEquals(400, session.width());
            assertEquals(170, session.height());
            assertEquals(1, session.todayBars(), "today's one session");
            assertTrue(AdaptiveCards.text(card).contains("Last 30 days ▁"), "the sparkline, for every client");
        }
    }
}
