package dev.licensebot.server.console;

import dev.licensebot.core.conversation.HelpTopics;
import dev.licensebot.core.conversation.LicenseRequest;

import java.util.List;

/** `help` and anything not understood: what this operator may ask, naming the words not understood. */
final class HelpText implements ConsoleAnswer<LicenseRequest.Help> {

    static final String LEAVING = "After a list, next and prev turn its pages. quit or exit leaves (so does Ctrl+D).";

    @Override
    public Reply answer(LicenseRequest.Help request, ConsoleUser who) {
        return Reply.text(render(HelpTopics.forActor(who.actor()), request.unknownWords()));
    }

    static String render(List<HelpTopics.Topic> topics, List<String> unknownWords) {
        String notUnderstood = HelpTopics.notUnderstood(unknownWords);
        Lines lines = new Lines()
                .add(notUnderstood == null ? "What licensebot can do:" : notUnderstood + " Here is what I can do:");
        for (HelpTopics.Topic topic : topics) {
            lines.add("  " + topic.words()).add("      " + topic.typedAnswer() + " Example: " + topic.example());
        }
        if (topics.isEmpty()) {
            lines.add("  Nothing yet: your role allows none of licensebot's answers.");
        }
        return lines.add(LEAVING).toString();
    }
}
