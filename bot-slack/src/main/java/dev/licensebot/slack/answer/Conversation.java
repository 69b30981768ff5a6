package dev.licensebot.slack.answer;

import dev.licensebot.core.conversation.LicenseRequest;
import dev.licensebot.slack.identity.Asker;
import dev.licensebot.slack.reply.Reply;

import java.util.HashMap;
import java.util.Map;

/**
 * Which answer serves which kind of {@link LicenseRequest}: a table filled once by the wiring
 * class, instead of a chain of ifs.
 */
public final class Conversation {

    /** Answers one kind of request for someone. */
    @FunctionalInterface
    public interface Answer<R extends LicenseRequest> {
        void answer(R request, Asker asker, Reply reply);
    }

    private final Map<Class<? extends LicenseRequest>, Answer<? extends LicenseRequest>> answers = new HashMap<>();

    public <R extends LicenseRequest> Conversation on(Class<R> type, Answer<R> answer) {
        answers.put(type, answer);
        return this;
    }

    public void answer(LicenseRequest request, Asker asker, Reply reply) {
        answerAs(request, asker, reply);
    }

    @SuppressWarnings("unchecked")
    private <R extends LicenseRequest> void answerAs(R request, Asker asker, Reply reply) {
        Answer<R> answer = (Answer<R>) answers.get(request.getClass());
        if (answer == null) {
            throw new IllegalStateException("No Slack answer is wired for " + request.getClass().getSimpleName());
        }
        answer.answer(request, asker, reply);
    }
}
