package dev.licensebot.slack.reply;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.access.Surface;
import dev.licensebot.core.conversation.Answer;
import dev.licensebot.core.conversation.Caller;
import dev.licensebot.core.metrics.LicenseMetrics;
import dev.licensebot.core.metrics.LicenseMetrics.Outcome;
import dev.licensebot.slack.answer.SlackAnswers;
import dev.licensebot.slack.blocks.Notices;
import dev.licensebot.slack.chart.ChartImages;
import dev.licensebot.slack.identity.SlackIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The one error policy of the Slack app: resolves who is asking, runs the work after Slack has been
 * acknowledged, counts how it ended, and renders the answer. A refusal (of who asks, or by the
 * core) is told in the core's words; anything else in one apology, with the details in the log.
 * Nothing thrown here ever reaches Slack as a stack trace.
 */
public final class Answering {

    private static final Logger LOG = LoggerFactory.getLogger(Answering.class);

    /** What the core answers a known caller (the {@code Conversation}, which never throws). */
    @FunctionalInterface
    public interface Ask {
        Answer ask(Caller caller);
    }

    /** Work beside the conversation (the Home tab, opening a form), for a known caller. */
    @FunctionalInterface
    public interface Work {
        Outcome run(Caller caller, Reply reply);
    }

    /** A form's answer, given while Slack waits: what the core said and how it reads. */
    public record Answered(Answer answer, SlackMessage message) {
    }

    private final SlackIdentity identity;
    private final ExecutorService workers;
    private final LicenseMetrics metrics;
    private final SlackFileFallback.RefusedFiles refusedFiles;
    private final ChartImages charts;

    /** {@code refusedFiles}: where the ids of uploaded graphs Slack refused to show are forgotten. */
    public Answering(SlackIdentity identity, ExecutorService workers, LicenseMetrics metrics,
                     SlackFileFallback.RefusedFiles refusedFiles, ChartImages charts) {
        this.identity = identity;
        this.workers = workers;
        this.metrics = metrics;
        this.refusedFiles = refusedFiles;
        this.charts = charts;
    }

    /** The answer as a new message. */
    public void show(Interaction interaction, Ask ask) {
        later(interaction, asking(interaction, ask, Reply::show));
    }

    /**
     * The answer as a new message; the alerts' answer as its one sentence, for a button pressed on
     * an alert's message (the message itself shows the rest once the alert is delivered again).
     */
    public void showSentence(Interaction interaction, Ask ask) {
        later(interaction, asking(interaction, ask, Reply::show, this::sentence));
    }

    /** The answer in place of the message whose button was pressed. */
    public void replace(Interaction interaction, Ask ask) {
        later(interaction, asking(interaction, ask, Reply::replace));
    }

    /** Slack wants its ack within 3 seconds; the answer follows through the reply. */
    public void later(Interaction interaction, Work work) {
        submit(interaction, () -> now(interaction, work));
    }

    /**
     * Asks as {@link #show} does, and waits at most {@code budget} for the answer to carry in the
     * ack. Empty when the answer is not ready by then, or goes elsewhere (a graph to upload): then it
     * follows through the interaction's own reply. {@code shared}: the channel sees the answer.
     */
    public Optional<SlackMessage> withinAck(Interaction interaction, Ask ask, boolean shared, Duration budget) {
        AckReply ack = new AckReply(interaction.reply());
        Interaction answeredInAck = interaction.withReply(ack);
        Work work = asking(answeredInAck, ask, (reply, message) -> reply.show(message.visibleToChannel(shared)));
        boolean started = submit(interaction, () -> {
            try {
                now(answeredInAck, work);
            } finally {
                ack.close();
            }
        });
        return started ? ack.await(budget) : Optional.empty();
    }

    /** For a form, answered while Slack waits: resolves who asks and asks, counting how it ended. */
    public Answered answerNow(Interaction interaction, Ask ask) {
        Answered answered = forCaller(interaction, caller -> {
            Answer answer = logged(interaction, ask.ask(caller));
            return new Answered(answer, message(caller, answer));
        }, answer -> new Answered(answer, message(null, answer)));
        count(interaction, answered.answer().outcome());
        return answered;
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

    /**
     * An answer goes where {@code placement} puts it; a refusal or an apology always comes as a new
     * message only the asker sees, leaving the pressed message as it was.
     */
    private Work asking(Interaction interaction, Ask ask, BiConsumer<Reply, SlackMessage> placement) {
        return asking(interaction, ask, placement, this::message);
    }

    private Work asking(Interaction interaction, Ask ask, BiConsumer<Reply, SlackMessage> placement,
                        BiFunction<Caller, Answer, SlackMessage> draw) {
        return (caller, reply) -> {
            Answer answer = logged(interaction, ask.ask(caller));
            SlackMessage message = draw.apply(caller, answer);
            if (answer.outcome() == Outcome.ANSWERED) {
                placement.accept(reply, message);
            } else {
                reply.show(message);
            }
            return answer.outcome();
        };
    }

    private void now(Interaction interaction, Work work) {
        Reply reply = new SlackFileFallback(interaction.reply(), refusedFiles);
        Outcome outcome = forCaller(interaction, caller -> work.run(caller, reply), answer -> {
            tell(interaction, message(null, answer));
            return answer.outcome();
        });
        count(interaction, outcome);
    }

    /**
     * The one try/catch: {@code work} for the caller, or, when who asks is refused or anything
     * fails (a lookup, a post to Slack, work beside the conversation), {@code otherwise} with that
     * refusal or the apology.
     */
    private <T> T forCaller(Interaction interaction, Function<Caller, T> work, Function<Answer, T> otherwise) {
        try {
            return work.apply(identity.resolve(interaction.teamId(), interaction.enterpriseId(),
                    interaction.userId()));
        } catch (Refusal refusal) {
            return otherwise.apply(logged(interaction, new Answer.Refused(refusal)));
        } catch (RuntimeException e) {
            LOG.error("Slack interaction of user {} in team {} failed", interaction.userId(), interaction.teamId(), e);
            return otherwise.apply(new Answer.Failed());
        }
    }

    private static Answer logged(Interaction interaction, Answer answer) {
        if (answer instanceof Answer.Refused refused) {
            LOG.info("Refused Slack user {} of team {}: {} ({})", interaction.userId(), interaction.teamId(),
                    refused.refusal().code(), refused.refusal().userMessage());
        }
        return answer;
    }

    /** {@code caller}: null when who asks was refused, which is then all there is to draw. */
    private SlackMessage message(Caller caller, Answer answer) {
        return answer.render(new SlackAnswers(charts, caller));
    }

    private SlackMessage sentence(Caller caller, Answer answer) {
        return answer instanceof Answer.Alerts alerts ? Notices.info(alerts.view().sentence())
                : message(caller, answer);
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

    private void count(Interaction interaction, Outcome outcome) {
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
