package dev.licensebot.core.alerts;

import dev.licensebot.core.digest.Digest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A chat platform that records what it was asked to post in one place, and answers as a test tells
 * it to. Tests share a database, so other tests' places are answered but not recorded.
 */
final class RecordingPoster implements AlertPoster {

    private final AlertPlace watched;

    RecordingPoster(AlertPlace watched) {
        this.watched = watched;
    }

    record Call(String kind, AlertPlace place, String messageRef, IncidentNotice notice) {
    }

    final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final Deque<DeliveryOutcome> scripted = new ArrayDeque<>();
    private int posted;
    String cannotPost;

    synchronized void answerNext(DeliveryOutcome outcome) {
        scripted.add(outcome);
    }

    @Override
    public synchronized DeliveryOutcome post(AlertPlace place, IncidentNotice notice) {
        if (!place.isSame(watched)) {
            return new DeliveryOutcome.Delivered("elsewhere");
        }
        calls.add(new Call("post", place, null, notice));
        return scripted.isEmpty() ? new DeliveryOutcome.Delivered("m-" + (++posted)) : scripted.poll();
    }

    @Override
    public synchronized DeliveryOutcome update(AlertPlace place, String messageRef, IncidentNotice notice) {
        if (!place.isSame(watched)) {
            return new DeliveryOutcome.Delivered(messageRef);
        }
        calls.add(new Call("update", place, messageRef, notice));
        return scripted.isEmpty() ? new DeliveryOutcome.Delivered(messageRef) : scripted.poll();
    }

    final List<Digest> digests = Collections.synchronizedList(new ArrayList<>());

    @Override
    public DeliveryOutcome postDigest(AlertPlace place, Digest digest) {
        if (place.isSame(watched)) {
            digests.add(digest);
        }
        return new DeliveryOutcome.Delivered(null);
    }

    @Override
    public Optional<String> cannotPost(AlertPlace place) {
        return Optional.ofNullable(cannotPost);
    }

    List<String> kinds() {
        synchronized (calls) {
            return calls.stream().map(Call::kind).toList();
        }
    }

    Call last() {
        synchronized (calls) {
            return calls.get(calls.size() - 1);
        }
    }
}
