package dev.licensebot.server.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.sessions.OpenInteraction;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.slack.blocks.ActionIds;
import dev.licensebot.slack.testing.FakeSlack;
import dev.licensebot.slack.testing.SlackPayloads;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Socket Mode end to end: the Web API fake hands out the URL of a local WebSocket server that
 * plays Slack's part (hello, envelopes, reading acks); a command's answer rides in its ack when ready
 * in time, as over HTTP, and button presses answer at the response_url.
 */
class SlackSocketModeTest {

    @OnBothDatabases
    void aSlashCommandOverSocketModeIsAcknowledgedAndAnsweredByTheSameHandlersAsOverHttp(TestDatabase db) {
        try (FakeSocketModeServer socket = FakeSocketModeServer.start();
             SlackFixture f = SlackFixture.overSocketMode(db, socket.url())) {
            f.session("ann", new OpenInteraction("Chat", 2));
            SlackFixture.Person admin = f.person(Role.ACCOUNT_ADMIN);
            socket.awaitConnectionAndSayHello();
            String responseUrl = f.slack.newResponseUrl();

            String envelopeId = socket.send("slash_commands",
                    SlackPayloads.slashCommand(f.team, admin.userId(), "active", responseUrl), true);

            JsonNode ack = socket.awaitAck(envelopeId);
            assertEquals(envelopeId, ack.path("envelope_id").asText());
            SlackFixture.Answer active = f.answerIn(ack.path("payload"), responseUrl);
            assertTrue(active.text().contains("Active agents"), active.text());
            assertTrue(active.text().contains("*ann*"), active.text());
            assertTrue(SlackPayloads.hasElement(active.message(), ActionIds.ACTIVE_REFRESH));
        }
    }

    @OnBothDatabases
    void aButtonPressOverSocketModeUpdatesTheMessageInPlace(TestDatabase db) {
        try (FakeSocketModeServer socket = FakeSocketModeServer.start();
             SlackFixture f = SlackFixture.overSocketMode(db, socket.url())) {
            SlackFixture.Person admin = f.person(Role.ACCOUNT_ADMIN);
            socket.awaitConnectionAndSayHello();
            String responseUrl = f.slack.newResponseUrl();
            String command = socket.send("slash_commands",
                    SlackPayloads.slashCommand(f.team, admin.userId(), "active", responseUrl), true);
            SlackFixture.Answer empty = f.answerIn(socket.awaitAck(command).path("payload"), responseUrl);
            assertTrue(empty.text().contains("There are currently no Agents connected."), empty.text());
            f.session("bob");

            int before = f.slack.calls(FakeSlack.pathOf(responseUrl)).size();
            String press = socket.send("interactive", SlackPayloads.press(f.team, admin.userId(), empty.message(),
                    ActionIds.ACTIVE_REFRESH, responseUrl, null), false);

            assertEquals(press, socket.awaitAck(press).path("envelope_id").asText());
            SlackFixture.Answer refreshed = f.awaitNext(responseUrl, before);
            assertTrue(refreshed.replacedOriginal());
            assertTrue(refreshed.text().contains("*bob*"), refreshed.text());
        }
    }

    @OnBothDatabases
    void closingTheServerClosesTheSocketModeConnectionAndLeavesNoThreadRunning(TestDatabase db) throws Exception {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        try (FakeSocketModeServer socket = FakeSocketModeServer.start()) {
            SlackFixture f = SlackFixture.overSocketMode(db, socket.url());
            socket.awaitConnectionAndSayHello();

            f.close();

            socket.awaitDisconnect();
        }
        for (Thread thread : startedSince(before)) {
            // Threads that were told to stop may need a moment to finish: a bounded join, then the verdict.
            thread.join(FakeSocketModeServer.WAIT_SECONDS * 1000);
            assertFalse(thread.isAlive(), "still running after close: " + thread.getName());
        }
    }

    /** Threads that would keep the JVM alive, or belong to the Socket Mode client, started since {@code before}. */
    private static List<Thread> startedSince(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t))
                .filter(t -> !t.isDaemon() || t.getName().startsWith("socket-mode"))
                .toList();
    }
}
