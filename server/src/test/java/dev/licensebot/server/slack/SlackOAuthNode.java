package dev.licensebot.server.slack;

import dev.licensebot.core.testing.TestCore;
import dev.licensebot.server.LicenseServer;
import dev.licensebot.server.ServerSettings;
import dev.licensebot.slack.SlackOAuthSettings;
import dev.licensebot.slack.SlackSettings;
import dev.licensebot.slack.testing.FakeSlack;
import dev.licensebot.slack.testing.SignedSlackClient;
import dev.licensebot.slack.testing.TestSecrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One server node running the Slack app distributed through OAuth, against the fake Slack; what a
 * browser and Slack do with it: open the install page (with or without an install link), come back
 * to the redirect with Slack's code, and send signed requests from an installed workspace.
 */
final class SlackOAuthNode implements AutoCloseable {

    static final String CLIENT_ID = "1234.5678";
    static final String CLIENT_SECRET = "client-secret-test";
    private static final Pattern STATE = Pattern.compile("state=([A-Za-z0-9_\\-]+)");

    /** What the browser carries from the install page to the redirect. */
    record Started(int status, String state, String cookie, String body) {
    }

    final LicenseServer server;
    final SignedSlackClient client;
    private final HttpClient browser = HttpClient.newHttpClient();

    SlackOAuthNode(TestCore t, FakeSlack slack) {
        ServerSettings settings = new ServerSettings("127.0.0.1", 0, t.database().settings(), SlackFixture.HISTORY_URL)
                .withSlack(new SlackSettings(SlackFixture.SIGNING_SECRET, null, null, slack.apiUrl(),
                        "https://licensebot.example.com", null,
                        new SlackOAuthSettings(CLIENT_ID, CLIENT_SECRET, TestSecrets.box())));
        this.server = LicenseServer.startWithoutAlertRounds(settings, t.clock());
        this.client = new SignedSlackClient(URI.create(base() + "/slack/events"), SlackFixture.SIGNING_SECRET);
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The install page, as a browser opens it ({@code query}: "" or "?link=…"). */
    Started openInstallPage(String query) {
        HttpResponse<String> page = get("/slack/install" + query, null);
        Matcher state = STATE.matcher(page.body() + page.headers().firstValue("Location").orElse(""));
        String cookie = page.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                .filter(c -> c.startsWith("slack-app-oauth-state=")).findFirst().orElse(null);
        return new Started(page.statusCode(), state.find() ? state.group(1) : null, cookie, page.body());
    }

    /** Slack sends the browser back with the code and the state. */
    HttpResponse<String> callback(String code, String state, String cookie) {
        return get("/slack/oauth/callback?code=" + code + "&state=" + state, cookie);
    }

    HttpResponse<String> get(String path, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        try {
            return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
