package dev.licensebot.slack.reply;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Lets a command's answer ride in Slack's ack when it is ready in time: one round trip instead of
 * an ack and then a post to the response_url, so the answer reaches the person sooner and nothing
 * waits on Slack's side (issue 7, B3). The first message shown while the ack still waits is taken;
 * everything else, and everything after the wait gave up, goes the usual way. The handover is
 * decided under one lock, so a message is delivered exactly once, by the ack or by the inner reply.
 */
public final class AckReply implements Reply {

    private enum State { WAITING, TAKEN, CLOSED }

    private final Reply inner;
    private State state = State.WAITING;
    private SlackMessage taken;

    public AckReply(Reply inner) {
        this.inner = inner;
    }

    @Override
    public void show(SlackMessage message) {
        // Uploaded graphs may not be ready when Slack reads the ack, and a refused ack cannot be
        // retried: such an answer goes through the inner reply, whose fallback may resend it without
        // them. Then the ack carries nothing, so the person never sees two answers out of order.
        if (!message.slackFileIds().isEmpty()) {
            close();
        }
        if (!take(message)) {
            inner.show(message);
        }
    }

    @Override
    public void replace(SlackMessage message) {
        inner.replace(message);
    }

    /** The work ended, or answers elsewhere: a wait still under way stops now, with nothing to carry. */
    public synchronized void close() {
        if (state == State.WAITING) {
            state = State.CLOSED;
            notifyAll();
        }
    }

    /**
     * Waits at most {@code budget} for a message to carry in the ack. Once this returns, nothing
     * more is taken: later messages go through the inner reply.
     */
    public synchronized Optional<SlackMessage> await(Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        try {
            for (long left = budget.toNanos(); state == State.WAITING && left > 0; left = deadline - System.nanoTime()) {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (state == State.WAITING) {
            state = State.CLOSED;
        }
        return state == State.TAKEN ? Optional.of(taken) : Optional.empty();
    }

    private synchronized boolean take(SlackMessage message) {
        if (state != State.WAITING) {
            return false;
        }
        taken = message;
        state = State.TAKEN;
        notifyAll();
        return true;
    }
}
