package dev.licensebot.slack.reply;

import com.slack.api.model.block.ImageBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.SlackFileObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AckReplyTest {

    private static final Duration FOREVER = Duration.ofHours(1);

    private final RecordingReply inner = new RecordingReply();
    private final AckReply ack = new AckReply(inner);

    @Test
    void aMessageShownWhileTheAckWaitsRidesInTheAckAndNowhereElse() {
        SlackMessage answer = message("the answer");
        CompletableFuture.runAsync(() -> ack.show(answer));

        assertEquals(Optional.of(answer), ack.await(FOREVER));
        assertEquals(List.of(), inner.shown);
    }

    @Test
    void aMessageShownAfterTheWaitGaveUpGoesThroughTheInnerReply() {
        assertEquals(Optional.empty(), ack.await(Duration.ofMillis(1)));

        ack.show(message("late"));

        assertEquals(List.of("late"), inner.texts());
    }

    @Test
    void onlyTheFirstMessageRidesInTheAck() {
        ack.show(message("first"));
        ack.show(message("second"));

        assertEquals("first", ack.await(FOREVER).orElseThrow().text());
        assertEquals(List.of("second"), inner.texts());
    }

    @Test
    void anAnswerWithUploadedGraphsGoesThroughTheInnerReplyAndEndsTheWaitEmpty() {
        ack.show(withUploadedGraph("usage"));
        ack.show(message("usage without its graph"));

        assertEquals(Optional.empty(), ack.await(FOREVER));
        assertEquals(List.of("usage", "usage without its graph"), inner.texts(),
                "the fallback follows the refused answer, in order, the same way");
    }

    @Test
    void workThatEndsWithoutAnAnswerEndsTheWait() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<Optional<SlackMessage>> waited = CompletableFuture.supplyAsync(() -> {
            waiting.countDown();
            return ack.await(FOREVER);
        });
        waiting.await();

        ack.close();

        assertEquals(Optional.empty(), waited.get());
    }

    @Test
    void replacingAMessageAlwaysGoesThroughTheInnerReply() {
        ack.replace(message("updated"));

        assertEquals(Optional.empty(), ack.await(Duration.ZERO));
        assertEquals(List.of("updated"), inner.replaced.stream().map(SlackMessage::text).toList());
    }

    @Test
    void whenTheAnswerRacesTheDeadlineItIsDeliveredExactlyOnce() throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 2_000; i++) {
                RecordingReply postedLater = new RecordingReply();
                AckReply racing = new AckReply(postedLater);
                CompletableFuture<Void> shown = CompletableFuture.runAsync(() -> racing.show(message("x")), workers);
                Optional<SlackMessage> inAck = racing.await(Duration.ofNanos(i * 100L));
                shown.get();

                assertEquals(1, (inAck.isPresent() ? 1 : 0) + postedLater.shown.size(), "round " + i);
            }
        } finally {
            workers.shutdownNow();
        }
    }

    private static SlackMessage message(String text) {
        return SlackMessage.ephemeral(text, List.of(SectionBlock.builder()
                .text(MarkdownTextObject.builder().text(text).build()).build()));
    }

    private static SlackMessage withUploadedGraph(String text) {
        LayoutBlock graph = ImageBlock.builder().altText("graph")
                .slackFile(SlackFileObject.builder().id("F123").build()).build();
        return SlackMessage.ephemeral(text, List.of(graph));
    }

    private static final class RecordingReply implements Reply {
        final List<SlackMessage> shown = new CopyOnWriteArrayList<>();
        final List<SlackMessage> replaced = new CopyOnWriteArrayList<>();

        @Override
        public void show(SlackMessage message) {
            shown.add(message);
        }

        @Override
        public void replace(SlackMessage message) {
            replaced.add(message);
        }

        List<String> texts() {
            return shown.stream().map(SlackMessage::text).toList();
        }
    }
}
