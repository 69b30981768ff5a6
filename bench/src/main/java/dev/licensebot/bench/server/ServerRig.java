package dev.licensebot.bench.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.licensebot.bench.BenchDatabase;
import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.sessions.SessionReport;
import dev.licensebot.core.sessions.StartedBy;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.tenant.Tenants;
import dev.licensebot.server.LicenseServer;
import dev.licensebot.server.ServerSettings;
import dev.licensebot.slack.SlackSettings;
import dev.licensebot.slack.testing.FakeSlack;
import dev.licensebot.slack.testing.SignedSlackClient;
import dev.licensebot.teams.testing.FakeTeamsConnector;
import dev.licensebot.teams.testing.TeamsActivities;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The real server in this JVM on the benchmark database, with Slack (signed HTTP, Web API on a
 * fake) and Teams (fake connector) on, the bare baselines beside it, and one tenant linked to a
 * Slack workspace and a Teams organization with an account admin in each.
 */
public final class ServerRig implements AutoCloseable {

    static final String SIGNING_SECRET = "bench-signing-secret-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEAM = "TBENCH";
    private static final String SLACK_USER = "UBENCHADMIN";
    private static final String ENTRA = "entra-bench";
    private static final String EMAIL = "admin@bench.example";

    private final FakeSlack slack;
    private final FakeTeamsConnector connector;
    private final LicenseServer server;
    private final BareBots bare;
    private final Tenants.CreatedTenant tenant;
    private final SignedSlackClient slackClient;
    private final SignedSlackClient bareSlackClient;
    private final TeamsActivities activities;
    private final TeamsActivities.User teamsUser;
    private final LongAdder answersInAck = new LongAdder();
    private final LongAdder slackCommands = new LongAdder();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private ServerRig(FakeSlack slack, FakeTeamsConnector connector, LicenseServer server, BareBots bare,
                      Tenants.CreatedTenant tenant) {
        this.slack = slack;
        this.connector = connector;
        this.server = server;
        this.bare = bare;
        this.tenant = tenant;
        this.slackClient = new SignedSlackClient(uri(server.port(), "/slack/events"), SIGNING_SECRET);
        this.bareSlackClient = new SignedSlackClient(uri(bare.port(), "/slack/events"), SIGNING_SECRET);
        this.activities = new TeamsActivities(connector.serviceUrl(), ENTRA);
        this.teamsUser = TeamsActivities.User.random(EMAIL);
        connector.addMember(ENTRA, teamsUser.id(), EMAIL, null);
        slack.user(TEAM, SLACK_USER, EMAIL);
        server.core().operators().grant(Actor.cli(tenant.tenant().id()), EMAIL, Role.ACCOUNT_ADMIN);
        server.core().tenants().linkSlackTeam(tenant.tenant().id(), TEAM);
        server.core().tenants().linkTeamsTenant(tenant.tenant().id(), ENTRA);
    }

    public static ServerRig start(BenchDatabase db, ZoneId zone, int sessionLicenses) {
        FakeSlack slack = FakeSlack.start();
        FakeTeamsConnector connector = FakeTeamsConnector.start();
        ServerSettings settings = new ServerSettings("127.0.0.1", 0, db.settings(), null)
                .withSlack(new SlackSettings(SIGNING_SECRET, FakeSlack.BOT_TOKEN, null, slack.apiUrl()));
        // The bench runs the peak keeper itself, at each loaded day's close (DayCloses): the server's
        // own would run on a load still being written, which the product never sees (imports forget).
        LicenseServer server = LicenseServer.start(settings, Clock.systemUTC(),
                new LicenseServer.Schedule(LicenseServer.Schedule.DEFAULT.sweepEvery(), Duration.ofDays(1)));
        Tenants.CreatedTenant tenant = server.core().tenants().create(new Tenants.NewTenant("Bench", zone.getId(),
                sessionLicenses, 100, Duration.ofDays(7)));
        // The admin's own row (granted below), on a small pool of its own as a bare handler would have.
        BareBots bare = BareBots.start(SIGNING_SECRET, FakeSlack.BOT_TOKEN, slack.apiUrl(),
                new PrimaryKeyRead(db.newPool(2), tenant.tenant().id(), EMAIL));
        return new ServerRig(slack, connector, server, bare, tenant);
    }

    /** The server's core: what its periodic jobs call. */
    public LicenseCore core() {
        return server.core();
    }

    public Tenant tenant() {
        return tenant.tenant();
    }

    /** {@code /licenses <text>} signed as Slack sends it; returns the message posted to the response_url. */
    public JsonNode slackCommand(String text) {
        forgetRecorded();
        slackCommands.increment();
        String responseUrl = slack.newResponseUrl();
        HttpResponse<String> ack = slackClient.command(TEAM, SLACK_USER, text, responseUrl);
        require(ack.statusCode() == 200, "Slack ack " + ack.statusCode() + ": " + ack.body());
        if (ack.body().isBlank()) {
            return slack.awaitResponse(responseUrl, 1);
        }
        answersInAck.increment();
        try {
            return JSON.readTree(ack.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Slack ack is not JSON: " + ack.body(), e);
        }
    }

    /** How many of {@link #slackCommand}'s answers came in the ack itself, not at the response_url. */
    public long slackAnswersInAck() {
        return answersInAck.sum();
    }

    /** How many times {@link #slackCommand} was called. */
    public long slackCommands() {
        return slackCommands.sum();
    }

    /** The same command to the bare Bolt app: only its ack; returns the status. */
    public int bareSlackCommand(String text) {
        forgetRecorded();
        return bareSlackClient.command(TEAM, SLACK_USER, text, slack.newResponseUrl()).statusCode();
    }

    /** {@code /licenses read} to the bare Bolt app: one row read, then the ack; returns the status. */
    public int bareSlackCommandAfterRead() {
        return bareSlackCommand(BareBots.READ);
    }

    /** Says {@code text} to the Teams bot; returns the one activity it sent back. */
    public JsonNode teamsMessage(String text) {
        return teams(server.port(), text);
    }

    public JsonNode bareTeamsMessage(String text) {
        return teams(bare.port(), text);
    }

    /** "read" to the bare bot: one row read, then its "ok" (or "no row"). */
    public JsonNode bareTeamsMessageAfterRead() {
        return teams(bare.port(), BareBots.READ);
    }

    private JsonNode teams(int port, String text) {
        forgetRecorded();
        int before = connector.sent().size();
        HttpRequest request = HttpRequest.newBuilder(uri(port, "/api/messages")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(activities.message(teamsUser, text).toString())).build();
        int status = send(request).statusCode();
        require(status == 200 || status == 202, "Teams answered " + status);
        List<FakeTeamsConnector.Sent> sent = connector.sent();
        require(sent.size() == before + 1, "one reply expected, got " + (sent.size() - before));
        return sent.get(sent.size() - 1).activity();
    }

    /**
     * Forget what the fakes recorded. Every request of the latency runs starts with it: kept for a
     * whole run, the recorded answers (a thousand Teams cards as JSON trees) survived each young
     * collection and made every pause, the product's and the baselines' alike, copy them again.
     */
    public void forgetRecorded() {
        connector.clear();
        slack.clear();
    }

    /** A GET on the REST API as the platform calls it. */
    public HttpRequest api(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(server.port(), pathAndQuery))
                .header("Authorization", "Bearer " + tenant.apiKey()).GET().build();
    }

    /** A heartbeat for the session, as the agent application sends it (B2's request). */
    public HttpRequest heartbeat(String sessionId) {
        return HttpRequest.newBuilder(uri(server.port(), "/api/v1/sessions/" + sessionId + "/activity"))
                .header("Authorization", "Bearer " + tenant.apiKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JarRun.HEARTBEAT)).build();
    }

    /**
     * Usage calls for a small tenant of its own, before the bench tenant's first one is timed: a
     * running server has answered usage calls before, so the first call of a day does not pay for
     * the JVM's first request of the kind (class loading, first statements on each connection). Its
     * one session, imported, ended yesterday, so the calls read a completed day as well.
     */
    public void warmUsagePath(int calls) {
        Tenants.CreatedTenant other = server.core().tenants().create(new Tenants.NewTenant("Bench warm-up", "UTC",
                10, 10, Duration.ofDays(7)));
        Instant yesterday = Instant.now().minus(Duration.ofDays(1));
        server.core().sessionLicenses().open(other.tenant(), new SessionReport(null, StartedBy.AGENT, "warm-up", null,
                null, null, "Web widget", List.of(), 0, yesterday.minus(Duration.ofHours(1)), yesterday));
        HttpRequest usage = HttpRequest.newBuilder(uri(server.port(), "/api/v1/usage"))
                .header("Authorization", "Bearer " + other.apiKey()).GET().build();
        for (int i = 0; i < calls; i++) {
            HttpResponse<String> answer = send(usage);
            require(answer.statusCode() == 200, "warm-up usage " + answer.statusCode() + ": " + answer.body());
        }
    }

    public HttpRequest healthz() {
        return HttpRequest.newBuilder(uri(server.port(), "/healthz")).GET().build();
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    @Override
    public void close() {
        bare.close();
        // Unlinked, so a later rig on this database may again start Teams without authentication.
        server.core().tenants().unlinkTeamsTenant(ENTRA);
        server.close();
        connector.close();
        slack.close();
    }
}
