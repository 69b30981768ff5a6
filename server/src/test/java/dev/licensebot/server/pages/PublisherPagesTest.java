package dev.licensebot.server.pages;

import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestClock;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.server.LicenseServer;
import dev.licensebot.server.ServerSettings;
import dev.licensebot.server.manifests.Manifests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The links of the Teams app (website, privacy, terms) lead to pages this server really serves. */
class PublisherPagesTest {

    @OnBothDatabases
    void theWebsitePrivacyAndTermsLinksOfTheTeamsAppAreServed(TestDatabase db) throws Exception {
        String website = Manifests.readJson(Manifests.repoFile("manifests/teams/manifest.json"))
                .at("/developer/websiteUrl").asText();
        assertEquals("https://{{HOST}}" + PublisherPages.WEBSITE, website);
        HttpClient http = HttpClient.newHttpClient();
        try (LicenseServer server = LicenseServer.start(new ServerSettings("127.0.0.1", 0, db.settings(), null),
                TestClock.at(TestCore.DEFAULT_START))) {
            for (String path : List.of(PublisherPages.WEBSITE, PublisherPages.PRIVACY, PublisherPages.TERMS)) {
                HttpResponse<String> page = get(http, server, path);

                assertEquals(200, page.statusCode(), path);
                assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
                assertTrue(page.body().contains("run by the organization that installed it"), page.body());
            }
            assertTrue(get(http, server, PublisherPages.PRIVACY).body().contains("email address"));
        }
    }

    private static HttpResponse<String> get(HttpClient http, LicenseServer server, String path)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
