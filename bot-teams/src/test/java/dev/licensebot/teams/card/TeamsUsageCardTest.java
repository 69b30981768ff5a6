package dev.licensebot.teams.card;

import com.fasterxml.jackson.databind.JsonNode;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.access.Surface;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.usage.PoolUsage;
import dev.licensebot.core.usage.UsageOverview;
import dev.licensebot.core.usage.UsageSummary;
import dev.licensebot.core.usage.UsageTrend;
import dev.licensebot.core.usage.chart.ChartPixels;
import dev.licensebot.core.usage.chart.ChartWording;
import dev.licensebot.core.usage.chart.UsageCharts;
import dev.licensebot.teams.identity.Requester;
import dev.licensebot.teams.testing.AdaptiveCards;
import dev.licensebot.teams.testing.CardImages;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The usage card with both graphs inline, at the busiest a month can look, within Teams' limits. */
class TeamsUsageCardTest {

    private static final ZoneId ZONE = ZoneId.of("America/Argentina/ComodRivadavia");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-09");
    private static final Instant NOW = Instant.parse("2026-11-09T15:00:00Z");

    /** Every day busy with four-digit maxima and denials: the most a graph can hold. */
    private static UsageTrend busiest(Pool pool, long seed) {
        Random random = new Random(seed);
        List<UsageTrend.Day> days = new ArrayList<>();
        for (int i = 29; i >= 0; i--) {
            days.add(new UsageTrend.Day(TODAY.minusDays(i), 1000 + random.nextInt(8999), 1 + random.nextInt(999),
                    true));
        }
        PoolUsage figures = new PoolUsage(pool, 9999, 9999, new BigDecimal("5432.1"), 9998, TODAY.minusDays(3), 999);
        return new UsageTrend("t", figures, ZONE, TODAY, days);
    }

    @Test
    void bothGraphsTravelInlineWithTheirAltTextAndTheCardStaysUnder28Kb() {
        UsageTrend session = busiest(Pool.SESSION, 1);
        UsageTrend user = busiest(Pool.USER, 2);
        UsageOverview overview = new UsageOverview(new UsageSummary(session.figures(), user.figures(), ZONE, TODAY,
                NOW), session, user);
        Tenant tenant = new Tenant("t", "x".repeat(200), ZONE, Duration.ofMinutes(30), NOW);
        Requester who = new Requester(tenant, new Actor("t", "a@example.com", Role.ADVANCED_ADMIN, Surface.TEAMS),
                "29:" + "x".repeat(100));
        UsageCharts charts = new UsageCharts();

        JsonNode card = UsageCard.of(overview, charts, who);

        AdaptiveCards.assertValid(card);
        int bytes = card.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        assertTrue(bytes < 24 * 1024, "room to spare for the activity around the card: " + bytes + " bytes");
        List<JsonNode> images = CardImages.of(card);
        assertEquals(2, images.size());
        assertEquals(ChartWording.altText(session), images.get(0).path("altText").asText());
        assertEquals(ChartWording.altText(user), images.get(1).path("altText").asText());
        ChartPixels pixels = ChartPixels.decode(CardImages.png(images.get(0)));
        assertEquals(400, pixels.width());
        assertEquals(29, pixels.pastBars());
        assertEquals(1, pixels.todayBars());
        assertTrue(pixels.showsDenials());
        String text = AdaptiveCards.text(card);
        assertTrue(text.contains("Last 30 days "), text);
        assertTrue(text.contains(ChartWording.KEY), "says what the colours are: " + text);
    }
}
