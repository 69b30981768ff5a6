package dev.licensebot.server.slack;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.slack.blocks.ActionIds;
import dev.licensebot.slack.reply.SlackFileFallback;
import dev.licensebot.slack.testing.BlockKit;
import dev.licensebot.slack.testing.FakeSlack;
import dev.licensebot.slack.testing.SlackPayloads;
import dev.licensebot.slack.testing.Texts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

import static dev.licensebot.server.slack.SlackUploadedChartTest.fileIds;
import static dev.licensebot.server.slack.SlackUploadedChartTest.images;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Slack finishes an upload after answering it, and an admin may delete a remembered file: a message
 * showing the file may then be refused. The answer goes out again without its graphs, the files
 * are forgotten, and a refusal of anything else is not retried over and over.
 */
class SlackRefusedChartTest {

    private static final String FAILURE = "Sorry, something went wrong on our side";

    private final Logger logger = (Logger) LoggerFactory.getLogger(SlackFileFallback.class);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void listen() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(log);
    }

    @OnBothDatabases
    void aUsageAnswerRefusedForItsFreshUploadsIsSentAgainWithTheSparklinesAloneAndOneWarning(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            f.session("ann");
            f.slack.refuseSlackFileImages(1);
            SlackFixture.Answer refused = f.command(f.person(Role.SUPERVISOR), "usage");

            SlackFixture.Answer answer = f.awaitNext(refused.responseUrl(), 1);
            assertEquals(2, images(refused.message().path("blocks")).size(), "the first post showed both graphs");
            assertEquals(0, images(answer.message().path("blocks")).size(), answer.message()::toPrettyString);
            assertEquals(withoutImages(refused.message().path("blocks")), answer.message().path("blocks"),
                    "the same answer, only without the graphs");
            assertTrue(answer.text().contains("Last 30 days `▁"), "the sparkline stays: " + answer.text());
            List<ILoggingEvent> warnings = warnings();
            assertEquals(1, warnings.size(), "one warning for the message, not one per graph");
            assertTrue(warnings.get(0).getFormattedMessage().contains("response_url answered invalid_blocks [HTTP 400]"),
                    warnings.get(0).getFormattedMessage());
        }
    }

    @OnBothDatabases
    void theRefusedFilesAreForgottenSoTheNextAnswerUploadsTheGraphsAgain(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            f.session("ann");
            SlackFixture.Person supervisor = f.person(Role.SUPERVISOR);
            f.slack.refuseSlackFileImages(1);
            SlackFixture.Answer refused = f.command(supervisor, "usage");
            f.awaitNext(refused.responseUrl(), 1);
            List<String> refusedIds = fileIds(refused.message().path("blocks"));

            List<String> next = fileIds(f.command(supervisor, "usage").message().path("blocks"));

            assertEquals(2, next.size());
            assertTrue(next.stream().noneMatch(refusedIds::contains), "new files, not the refused ones: " + next);
            assertEquals(4, f.slack.uploads().size(), "both graphs uploaded again");
        }
    }

    @OnBothDatabases
    void aRememberedFileRefusedInADirectMessageIsForgottenAndTheMessageSentWithoutIt(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            SlackFixture.Person admin = f.person(Role.ACCOUNT_ADMIN);
            SlackFixture.Answer usage = f.command(admin, "usage");
            // As if an admin deleted the files since: the next message showing them is refused.
            f.slack.refuseSlackFileImages(1);

            // A button without a response_url answers in the app's direct messages (chat.postMessage).
            assertEquals(200, f.client.interaction(SlackPayloads.press(f.team, admin.userId(), usage.message(),
                    ActionIds.USAGE_REFRESH, null, null)).statusCode());
            List<FakeSlack.Call> posts = f.slack.await("/api/chat.postMessage", 2);

            assertEquals(fileIds(usage.message().path("blocks")), fileIds(posts.get(0).formJson("blocks")),
                    "the refused post showed the remembered files");
            assertEquals(0, images(posts.get(1).formJson("blocks")).size());
            assertTrue(Texts.of(posts.get(1).formJson("blocks")).contains("Last 30 days `"));
            assertTrue(warnings().get(0).getFormattedMessage().contains(
                    "chat.postMessage answered invalid_blocks [[ERROR] invalid slack file [json-pointer:/blocks/2/slack_file]]"),
                    warnings().get(0).getFormattedMessage());
            assertEquals(2, fileIds(f.command(admin, "usage").message().path("blocks")).size());
            assertEquals(4, f.slack.uploads().size(), "forgotten, so uploaded again");
        }
    }

    @OnBothDatabases
    void aHomeTabRefusedForItsGraphsIsPublishedAgainWithoutThem(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            SlackFixture.Person supervisor = f.person(Role.SUPERVISOR);
            f.slack.refuseSlackFileImages(1);

            assertEquals(200, f.client.event(SlackPayloads.appHomeOpened(f.team, supervisor.userId(), "home"),
                    Map.of()).statusCode());
            List<FakeSlack.Call> publishes = f.slack.await("/api/views.publish", 2);

            assertEquals(2, images(publishes.get(0).formJson("view").path("blocks")).size());
            JsonNode home = publishes.get(1).formJson("view");
            BlockKit.assertValidHome(home);
            assertEquals(0, images(home.path("blocks")).size(), home::toPrettyString);
            assertTrue(Texts.of(home).contains("Last 30 days `"), Texts.of(home));
            assertTrue(warnings().get(0).getFormattedMessage().contains("views.publish answered invalid_arguments"));
        }
    }

    @OnBothDatabases
    void anAnswerRefusedEvenWithoutItsGraphsIsRetriedOnceThenReportedAsAFailure(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            f.slack.refuseMessages("invalid_blocks");
            SlackFixture.Answer first = f.command(f.person(Role.SUPERVISOR), "usage");

            List<FakeSlack.Call> posts = f.slack.await(FakeSlack.pathOf(first.responseUrl()), 3);

            assertEquals(2, images(posts.get(0).json().path("blocks")).size());
            assertEquals(0, images(posts.get(1).json().path("blocks")).size(), "one retry without the graphs");
            assertTrue(Texts.of(posts.get(2).json()).contains(FAILURE), "then the failure notice, no further retry: "
                    + Texts.of(posts.get(2).json()));
        }
    }

    @OnBothDatabases
    void aRefusalForAnotherReasonIsNotRetried(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            f.slack.refuseMessages("expired_url");
            SlackFixture.Answer first = f.command(f.person(Role.SUPERVISOR), "usage");

            List<FakeSlack.Call> posts = f.slack.await(FakeSlack.pathOf(first.responseUrl()), 2);

            assertEquals(2, images(posts.get(0).json().path("blocks")).size());
            assertTrue(Texts.of(posts.get(1).json()).contains(FAILURE), Texts.of(posts.get(1).json()));
            assertEquals(0, warnings().size(), "nothing to do with the graphs");
        }
    }

    private List<ILoggingEvent> warnings() {
        return log.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
    }

    private static ArrayNode withoutImages(JsonNode blocks) {
        ArrayNode kept = ((ArrayNode) blocks).arrayNode();
        blocks.forEach(b -> {
            if (!"image".equals(b.path("type").asText())) {
                kept.add(b);
            }
        });
        return kept;
    }
}
