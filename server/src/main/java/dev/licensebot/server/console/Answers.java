package dev.licensebot.server.console;

import dev.licensebot.core.conversation.LicenseRequest;

import java.util.HashMap;
import java.util.Map;

/** Which answer serves which kind of request: filled once, here, instead of a chain of ifs. */
final class Answers {

    private final Map<Class<? extends LicenseRequest>, ConsoleAnswer<?>> answers = new HashMap<>();

    /** Every request the conversation knows (DESIGN.md §5). */
    static Answers wired() {
        return new Answers()
                .on(LicenseRequest.Usage.class, new UsageText())
                .on(LicenseRequest.Active.class, new ActiveAgentsText())
                .on(LicenseRequest.History.class, new HistoryText())
                .on(LicenseRequest.Terminate.class, new TerminationText())
                .on(LicenseRequest.Replenish.class, new ReplenishText())
                .on(LicenseRequest.Help.class, new HelpText());
    }

    <R extends LicenseRequest> Answers on(Class<R> type, ConsoleAnswer<R> answer) {
        answers.put(type, answer);
        return this;
    }

    Reply answer(LicenseRequest request, ConsoleUser who) {
        return answerAs(request, who);
    }

    @SuppressWarnings("unchecked")
    private <R extends LicenseRequest> Reply answerAs(R request, ConsoleUser who) {
        ConsoleAnswer<R> answer = (ConsoleAnswer<R>) answers.get(request.getClass());
        if (answer == null) {
            throw new IllegalStateException("No console answer is wired for " + request.getClass().getSimpleName());
        }
        return answer.answer(request, who);
    }
}
