package dev.licensebot.server.api;

import dev.licensebot.core.sessions.SessionReport;
import dev.licensebot.core.sessions.StartedBy;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.core.usage.chart.ChartPixels;
import dev.licensebot.server.api.ApiFixture.Account;
import dev.licensebot.server.api.ApiFixture.Reply;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsageChartApiTest {

    @OnBothDatabases
    void theChartIsAPngWithOneBarPerBusyDayAndItsFiguresInTheAltText(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = api.tenant(5, 5);
            imported(api, account, "2026-03-01T08:00:00Z", "2026-03-01T12:00:00Z");
            imported(api, account, "2026-03-05T08:00:00Z", "2026-03-05T12:00:00Z");
            imported(api, account, "2026-03-05T09:00:00Z", "2026-03-05T10:00:00Z");
            imported(api, account, "2026-03-08T08:00:00Z", "2026-03-08T12:00:00Z");
            api.server.core().sessionLicenses().open(account.tenant(), SessionReport.live(null, "ann", "Slack"));

            HttpResponse<byte[]> png = png(api, account, "/api/v1/usage/chart.png?pool=session");

            assertEquals(200, png.statusCode());
            assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
            ChartPixels pixels = ChartPixels.decode(png.body());
            assertEquals(800, pixels.width());
            assertEquals(400, pixels.height());
            assertTrue(pixels.distinctColours() > 8, "not blank");
            assertEquals(3, pixels.pastBars(), "1, 5 and 8 March");
            assertEquals(1, pixels.todayBars());
            assertEquals("Session licenses, last 30 days: daily max 2 on 5 Mar, average 0.5, 5 licensed, 0 denials",
                    png.headers().firstValue(UsageChartApi.ALT_TEXT_HEADER).orElse(""));
        }
    }

    @OnBothDatabases
    void theUserPoolHasItsOwnChart(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = api.tenant(5, 5);

            HttpResponse<byte[]> png = png(api, account, "/api/v1/usage/chart.png?pool=user");

            assertEquals(200, png.statusCode());
            assertTrue(png.headers().firstValue(UsageChartApi.ALT_TEXT_HEADER).orElse("").startsWith("User licenses"));
            assertEquals(0, ChartPixels.decode(png.body()).pastBars());
        }
    }

    @OnBothDatabases
    void anUnknownPoolIsABadRequestAndNoKeyIsUnauthorized(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = api.tenant(5, 5);

            Reply bad = api.get(account, "/api/v1/usage/chart.png?pool=seats");
            Reply anonymous = api.get(null, "/api/v1/usage/chart.png?pool=session");

            assertEquals(400, bad.status(), bad::toString);
            assertEquals("pool", bad.text("field"));
            assertEquals(401, anonymous.status(), anonymous::toString);
        }
    }

    private static void imported(ApiFixture api, Account account, String start, String end) {
        api.server.core().sessionLicenses().open(account.tenant(), new SessionReport(null, StartedBy.AGENT, "agent",
                null, null, null, "Web widget", List.of(), 0, Instant.parse(start), Instant.parse(end)));
    }

    private static HttpResponse<byte[]> png(ApiFixture api, Account account, String path) {
        try {
            return HttpClient.newHttpClient().send(api.request(account, path).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
