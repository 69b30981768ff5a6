package dev.licensebot.server.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.core.usage.chart.ChartPixels;
import dev.licensebot.slack.chart.ChartLinks;
import dev.licensebot.slack.testing.SlackPayloads;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlackUsageChartTest {

    private static final String PUBLIC_URL = "https://licensebot.example";

    @OnBothDatabases
    void theUsageAnswerShowsBothGraphsAtSignedLinksWithTheirFiguresAsAltText(TestDatabase db) {
        try (SlackFixture f = SlackFixture.withPublicUrl(db, PUBLIC_URL)) {
            f.session("ann");
            SlackFixture.Answer answer = f.command(f.person(Role.SUPERVISOR), "usage");

            List<JsonNode> images = images(answer.message().path("blocks"));
            assertEquals(2, images.size(), answer.message()::toPrettyString);
            assertTrue(images.get(0).path("image_url").asText().startsWith(PUBLIC_URL + ChartLinks.PATH + "?"));
            assertEquals("Session licenses, last 30 days: daily max 1 on 10 Mar, average 1.0, 20 licensed, 0 denials",
                    images.get(0).path("alt_text").asText());
            assertTrue(images.get(1).path("alt_text").asText().startsWith("User licenses, last 30 days:"));
            assertTrue(answer.text().contains("Last 30 days `▁"), answer.text());

            HttpResponse<byte[]> png = fetch(f, images.get(0).path("image_url").asText());
            assertEquals(200, png.statusCode());
            assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
            ChartPixels pixels = ChartPixels.decode(png.body());
            assertEquals(800, pixels.width());
            assertEquals(1, pixels.todayBars());
        }
    }

    @OnBothDatabases
    void aLinkWithAWrongSignatureOrPastItsExpiryIsRefused(TestDatabase db) {
        try (SlackFixture f = SlackFixture.withPublicUrl(db, PUBLIC_URL)) {
            SlackFixture.Answer answer = f.command(f.person(Role.SUPERVISOR), "usage");
            String link = images(answer.message().path("blocks")).get(0).path("image_url").asText();
            String signature = link.substring(link.indexOf("&signature=") + "&signature=".length());
            String forged = link.replace(signature, new StringBuilder(signature).reverse().toString());
            String otherPool = link.replace("pool=session", "pool=user");

            assertEquals(403, fetch(f, forged).statusCode());
            assertEquals(403, fetch(f, otherPool).statusCode());
            assertEquals(200, fetch(f, link).statusCode());
            f.t.clock().advance(ChartLinks.LIFETIME.plus(Duration.ofSeconds(1)));
            assertEquals(403, fetch(f, link).statusCode(), "expired");
        }
    }

    @OnBothDatabases
    void anExpiryBeyondAnyInstantOrBeyondALinksLifetimeIsRefusedNotAServerError(TestDatabase db) {
        try (SlackFixture f = SlackFixture.withPublicUrl(db, PUBLIC_URL)) {
            SlackFixture.Answer answer = f.command(f.person(Role.SUPERVISOR), "usage");
            String link = images(answer.message().path("blocks")).get(0).path("image_url").asText();
            String expires = link.replaceAll(".*&expires=([0-9]+).*", "$1");
            for (String odd : List.of("9223372036854775807", "-9223372036854775808", "31556889864403200",
                    String.valueOf(Long.parseLong(expires) + ChartLinks.LIFETIME.toSeconds() * 2))) {
                HttpResponse<byte[]> refused = fetch(f, link.replace("expires=" + expires, "expires=" + odd));
                String body = new String(refused.body(), java.nio.charset.StandardCharsets.UTF_8);
                assertEquals(403, refused.statusCode(), odd + ": " + body);
                assertTrue(body.contains("\"error\":\"forbidden\""), body);
            }
        }
    }

    @OnBothDatabases
    void theHomeTabShowsTheGraphsToo(TestDatabase db) {
        try (SlackFixture f = SlackFixture.withPublicUrl(db, PUBLIC_URL)) {
            String userId = f.person(Role.SUPERVISOR).userId();
            assertEquals(200, f.client.event(SlackPayloads.appHomeOpened(f.team, userId, "home"), Map.of())
                    .statusCode());
            JsonNode view = f.slack.await("/api/views.publish", 1).get(0).formJson("view");

            List<JsonNode> images = images(view.path("blocks"));
            assertEquals(2, images.size());
            assertTrue(images.get(0).path("alt_text").asText().startsWith("Session licenses, last 30 days:"));
        }
    }

    @OnBothDatabases
    void withAPublicUrlNothingIsUploadedToSlack(TestDatabase db) {
        try (SlackFixture f = SlackFixture.withPublicUrl(db, PUBLIC_URL)) {
            f.command(f.person(Role.SUPERVISOR), "usage");

            assertEquals(0, f.slack.calls("/api/files.getUploadURLExternal").size());
        }
    }

    private static List<JsonNode> images(JsonNode blocks) {
        List<JsonNode> images = new ArrayList<>();
        blocks.forEach(b -> {
            if ("image".equals(b.path("type").asText())) {
                images.add(b);
            }
        });
        return images;
    }

    /** What Slack does with the link, sent to this server instead of the public host. */
    private static HttpResponse<byte[]> fetch(SlackFixture f, String link) {
        String local = link.replace(PUBLIC_URL, "http://127.0.0.1:" + f.server.port());
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(local)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
