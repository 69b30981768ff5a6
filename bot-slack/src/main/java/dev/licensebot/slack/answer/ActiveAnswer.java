package dev.licensebot.slack.answer;

import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.conversation.LicenseRequest;
import dev.licensebot.core.paging.PageRequest;
import dev.licensebot.core.sessions.ActiveSessions;
import dev.licensebot.slack.blocks.ActiveAgentsBlocks;
import dev.licensebot.slack.blocks.ActiveListState;
import dev.licensebot.slack.identity.Asker;
import dev.licensebot.slack.reply.Reply;
import dev.licensebot.slack.reply.SlackMessage;

/** `active …`: the Active Agents list, sorted and paged by the core. */
public final class ActiveAnswer implements Conversation.Answer<LicenseRequest.Active> {

    private final LicenseCore core;

    public ActiveAnswer(LicenseCore core) {
        this.core = core;
    }

    @Override
    public void answer(LicenseRequest.Active request, Asker asker, Reply reply) {
        ActiveSessions.Query query = new ActiveSessions.Query(request.sort(), request.order(),
                PageRequest.of(request.page()));
        reply.show(message(asker, ActiveListState.of(query)));
    }

    /** The list as a message, also for Refresh, paging and sorting, which update it in place. */
    public SlackMessage message(Asker asker, ActiveListState state) {
        ActiveSessions.View view = core.activeSessions().list(asker.tenant(), asker.actor(), state.query());
        return ActiveAgentsBlocks.render(view, state);
    }
}
