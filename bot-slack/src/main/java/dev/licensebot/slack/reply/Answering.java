package dev.licensebot.slack.reply;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.access.Surface;
import dev.licensebot.core.metrics.LicenseMetrics;
import dev.licensebot.core.metrics.LicenseMetrics.Outcome;
import dev.licensebot.slack.blocks.Notices;
import dev.licensebot.slack.identity.Asker;
import dev.licensebot.slack.identity.SlackIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs the work of an interaction after Slack has been acknowledged: resolves who is asking, does
 * the work, and turns every failure into one friendly sentence for the person and details for the
 * log. Nothing thrown here ever reaches Slack as a stack trace.
 */
public final class Answering {

    private static final Logger LOG = LoggerFactory.getLogger(Answering.class);

    /** The work of one interaction, for a known asker. */
    @FunctionalInterface
    public interface Work {
        void run(Asker asker, Reply reply);
    }

    private final SlackIdentity identity;
    private final ExecutorService workers;
    private final LicenseMetrics metrics;
    private final SlackFileFallback.RefusedFiles refusedFiles;

    /** {@code refusedFiles}: where the ids of uploaded graphs Slack refused to show are forgotten. */
    public Answering(SlackIdentity identity, ExecutorService workers, LicenseMetrics metrics,
                     SlackFileFallback.RefusedFiles refusedFiles) {
        this.identity = identity;
        this.workers = workers;
        this.metrics = metrics;
        this.refusedFiles = refusedFiles;
    }

    /** Slack wants its ack within 3 seconds; the answer follows through the reply. */
    public void later(Interaction interaction, Work work) {
        submit(interaction, () -> now(interaction, work));
    }

    /**
     * Runs the work as {@link #later} does, and waits at most {@code budget} for its answer to carry
     * in the ack. Empty when the answer is not ready by then, or goes elsewhere (a graph to upload):
     * then it follows through the interaction's own reply, as with {@link #later}.
     */
    public Optional<SlackMessage> withinAck(Interaction interaction, Work work, Duration budget) {
        AckReply ack = new AckReply(interaction.reply());
        Interaction answeredInAck = interaction.withReply(ack);
        boolean started = submit(interaction, () -> {
            try {
                now(answeredInAck, work);
            } finally {
                ack.close();
            }
        });
        if (!started) {
            return Optional.empty();
        }
        return ack.await(budget);
    }

    /** Posts a message whose work was already done while Slack waited, without holding up the ack. */
    public void deliver(Interaction interaction, SlackMessage message) {
        try {
            workers.execute(() -> tell(interaction, message));
        } catch (RejectedExecutionException e) {
            LOG.error("Slack message to user {} dropped: the bot is shutting down or overloaded",
                    interaction.userId(), e);
        }
    }

    public void now(Interaction interaction, Work work) {
        try {
            Asker asker = identity.resolve(interaction.teamId(), interaction.enterpriseId(), interaction.userId());
            work.run(asker, new SlackFileFallback(interaction.reply(), refusedFiles));
            count(interaction, Outcome.ANSWERED);
        } catch (Refusal refusal) {
            count(interaction, Outcome.REFUSED);
            LOG.info("Refused Slack user {} of team {}: {} ({})", interaction.userId(), interaction.teamId(),
                    refusal.code(), refusal.userMessage());
            tell(interaction, Notices.refusal(refusal));
        } catch (RuntimeException e) {
            LOG.error("Slack interaction of user {} in team {} failed", interaction.userId(), interaction.teamId(), e);
            count(interaction, Outcome.FAILED);
            tell(interaction, Notices.failure());
        }
    }

    private boolean submit(Interaction interaction, Runnable answer) {
        try {
            workers.execute(answer);
            return true;
        } catch (RejectedExecutionException e) {
            LOG.error("Slack interaction dropped: the bot is shutting down or overloaded", e);
            count(interaction, Outcome.DROPPED);
            return false;
        }
    }

    /** For the one interaction answered while Slack waits (a form), which does not run through here. */
    public void count(Interaction interaction, Outcome outcome) {
        metrics.interaction(Surface.SLACK, interaction.kind(), outcome);
    }

    private static void tell(Interaction interaction, SlackMessage message) {
        try {
            interaction.reply().show(message);
        } catch (RuntimeException e) {
            LOG.error("Could not tell Slack user {} what happened", interaction.userId(), e);
        }
    }
}
