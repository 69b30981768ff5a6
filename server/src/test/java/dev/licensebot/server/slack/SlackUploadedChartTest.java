package dev.licensebot.server.slack;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.core.usage.chart.ChartPixels;
import dev.licensebot.slack.chart.UploadedCharts;
import dev.licensebot.slack.testing.BlockKit;
import dev.licensebot.slack.testing.FakeSlack;
import dev.licensebot.slack.testing.SlackPayloads;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Without PUBLIC_URL Slack cannot fetch graphs from the server, so the bot uploads them to Slack
 * (files.uploadV2 against the fake) and shows them through {@code slack_file}.
 */
class SlackUploadedChartTest {

    private static final String UPLOAD_URL = "/api/files.getUploadURLExternal";
    private static final String COMPLETE = "/api/files.completeUploadExternal";

    @OnBothDatabases
    void withoutAPublicUrlTheUsageAnswerShowsBothGraphsAsUploadedFilesWithTheirFiguresAsAltText(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            f.session("ann");
            SlackFixture.Answer answer = f.command(f.person(Role.SUPERVISOR), "usage");

            List<JsonNode> images = images(answer.message().path("blocks"));
            assertEquals(2, images.size(), answer.message()::toPrettyString);
            assertTrue(images.get(0).path("image_url").isMissingNode(), "no link Slack could not follow");
            assertEquals("Session licenses, last 30 days: daily max 1 on 10 Mar, average 1.0, 20 licensed, 0 denials",
                    images.get(0).path("alt_text").asText());
            assertTrue(images.get(1).path("alt_text").asText().startsWith("User licenses, last 30 days:"));
            assertTrue(answer.text().contains("Last 30 days `▁"), "the sparkline stays: " + answer.text());

            List<FakeSlack.Call> uploads = f.slack.uploads();
            assertEquals(2, uploads.size(), "one file per pool");
            assertEquals(List.of(fileId(uploads.get(0)), fileId(uploads.get(1))),
                    List.of(fileId(images.get(0)), fileId(images.get(1))), "each block shows the file uploaded for it");
            FakeSlack.Call asked = f.slack.calls(UPLOAD_URL).get(0);
            assertEquals(String.valueOf(uploads.get(0).bytes().length), asked.form().get("length"));
            assertTrue(asked.form().get("filename").endsWith(".png"), asked.form().toString());
            assertEquals("Session licenses, last 30 days: daily max 1 on 10 Mar, average 1.0, 20 licensed, 0 denials",
                    asked.form().get("alt_txt"));
            FakeSlack.Call completed = f.slack.calls(COMPLETE).get(0);
            assertFalse(completed.form().containsKey("channel_id"), "shared nowhere: private to the bot");
            assertFalse(completed.form().containsKey("channels"));

            ChartPixels pixels = ChartPixels.decode(uploads.get(0).bytes());
            assertEquals(800, pixels.width());
            assertEquals(1, pixels.todayBars());
        }
    }

    @OnBothDatabases
    void unchangedGraphsAreUploadedOnceAndReusedByLaterAnswersAndTheHomeTab(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            f.session("ann");
            SlackFixture.Person supervisor = f.person(Role.SUPERVISOR);
            List<String> first = fileIds(f.command(supervisor, "usage").message().path("blocks"));

            List<String> second = fileIds(f.command(f.person(Role.ACCOUNT_ADMIN), "usage").message().path("blocks"));
            assertEquals(200, f.client.event(SlackPayloads.appHomeOpened(f.team, supervisor.userId(), "home"), Map.of())
                    .statusCode());
            JsonNode home = f.slack.await("/api/views.publish", 1).get(0).formJson("view");
            BlockKit.assertValidHome(home);

            assertEquals(2, first.size());
            assertEquals(first, second);
            assertEquals(first, fileIds(home.path("blocks")));
            assertEquals(2, f.slack.uploads().size(), "no upload while the pictures are unchanged");
            assertEquals(2, f.slack.calls(COMPLETE).size());

            f.session("bob");
            List<String> changed = fileIds(f.command(supervisor, "usage").message().path("blocks"));
            assertFalse(changed.get(0).equals(first.get(0)), "a new daily max draws a new picture, uploaded anew");
            assertEquals(f.slack.uploads().size(), 2 + (int) changed.stream().filter(id -> !first.contains(id)).count());
        }
    }

    @OnBothDatabases
    void whenSlackRefusesTheUploadTheAnswerGoesOutWithTheSparklineAloneAndAWarning(TestDatabase db) {
        Logger logger = (Logger) LoggerFactory.getLogger(UploadedCharts.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try (SlackFixture f = SlackFixture.on(db)) {
            f.slack.refuseUploads("missing_scope");
            SlackFixture.Answer answer = f.command(f.person(Role.SUPERVISOR), "usage");

            assertEquals(0, images(answer.message().path("blocks")).size(), answer.message()::toPrettyString);
            assertTrue(answer.text().contains("Last 30 days `▁▁▁"), answer.text());
            assertEquals(0, f.slack.uploads().size());
            List<ILoggingEvent> warnings = log.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
            assertEquals(1, warnings.size(), "one warning, not one per pool");
            assertTrue(warnings.get(0).getFormattedMessage().contains("missing_scope (needed files:write)"),
                    warnings.get(0).getFormattedMessage());

            SlackFixture.Answer again = f.command(f.person(Role.ACCOUNT_ADMIN), "usage");
            assertEquals(0, images(again.message().path("blocks")).size());
            assertEquals(1, f.slack.calls(UPLOAD_URL).size(), "after a refusal the bot pauses instead of asking again");
        } finally {
            logger.detachAppender(log);
        }
    }

    @OnBothDatabases
    void overSocketModeTheUsageAnswerShowsTheUploadedGraphs(TestDatabase db) {
        try (FakeSocketModeServer socket = FakeSocketModeServer.start();
             SlackFixture f = SlackFixture.overSocketMode(db, socket.url())) {
            SlackFixture.Person admin = f.person(Role.ACCOUNT_ADMIN);
            socket.awaitConnectionAndSayHello();
            String responseUrl = f.slack.newResponseUrl();

            socket.awaitAck(socket.send("slash_commands",
                    SlackPayloads.slashCommand(f.team, admin.userId(), "usage", responseUrl), true));

            SlackFixture.Answer answer = f.awaitNext(responseUrl, 0);
            List<String> ids = fileIds(answer.message().path("blocks"));
            assertEquals(2, ids.size(), answer.message()::toPrettyString);
            assertEquals(List.of(fileId(f.slack.uploads().get(0)), fileId(f.slack.uploads().get(1))), ids);
        }
    }

    static List<JsonNode> images(JsonNode blocks) {
        List<JsonNode> images = new ArrayList<>();
        blocks.forEach(b -> {
            if ("image".equals(b.path("type").asText())) {
                images.add(b);
            }
        });
        return images;
    }

    static List<String> fileIds(JsonNode blocks) {
        return images(blocks).stream().map(SlackUploadedChartTest::fileId).toList();
    }

    private static String fileId(JsonNode image) {
        String id = image.path("slack_file").path("id").asText();
        assertTrue(id.matches("F[A-Z0-9]{8,}"), "a Slack file id: " + image);
        return id;
    }

    /** The file an upload URL was handed out for: the fake puts its id at the end of the URL. */
    private static String fileId(FakeSlack.Call upload) {
        return upload.path().substring(FakeSlack.UPLOAD_PATH.length());
    }
}
