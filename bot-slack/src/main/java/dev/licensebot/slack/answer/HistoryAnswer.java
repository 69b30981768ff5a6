package dev.licensebot.slack.answer;

import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.conversation.ConversationLinks;
import dev.licensebot.core.conversation.LicenseRequest;
import dev.licensebot.core.history.Histories;
import dev.licensebot.slack.blocks.HistoryBlocks;
import dev.licensebot.slack.blocks.HistoryListState;
import dev.licensebot.slack.identity.Asker;
import dev.licensebot.slack.reply.Reply;
import dev.licensebot.slack.reply.SlackMessage;

/** `history users|sessions|purchases [since DATE] [page N]`: a page of the core's history as a table. */
public final class HistoryAnswer implements Conversation.Answer<LicenseRequest.History> {

    private final LicenseCore core;
    private final ConversationLinks links;

    public HistoryAnswer(LicenseCore core, ConversationLinks links) {
        this.core = core;
        this.links = links;
    }

    @Override
    public void answer(LicenseRequest.History request, Asker asker, Reply reply) {
        reply.show(message(asker, new HistoryListState(request.kind(), request.since(), request.page())));
    }

    /** Also for paging and switching histories, which update the message in place. */
    public SlackMessage message(Asker asker, HistoryListState state) {
        Histories histories = core.histories();
        return switch (state.kind()) {
            case USERS -> HistoryBlocks.users(histories.users(asker.tenant(), asker.actor(), state.query()), state,
                    links);
            case SESSIONS -> HistoryBlocks.sessions(histories.sessions(asker.tenant(), asker.actor(), state.query()),
                    state, links);
            case PURCHASES -> HistoryBlocks.purchases(histories.purchases(asker.tenant(), asker.actor(),
                    state.query()), state);
        };
    }
}
