package dev.licensebot.teams.card;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.conversation.ConversationLinks;
import dev.licensebot.core.history.HistoryView;
import dev.licensebot.core.time.TenantTime;
import dev.licensebot.core.users.PlatformUser;

import java.util.ArrayList;
import java.util.List;

/** Rows of the user history: who holds (or held) a user license, and since when. */
public final class UserHistoryRows {

    private UserHistoryRows() {
    }

    public static List<ObjectNode> of(HistoryView<PlatformUser> view, ConversationLinks links) {
        List<ObjectNode> rows = new ArrayList<>();
        for (PlatformUser user : view.rows().rows()) {
            List<Elements.Fact> facts = new ArrayList<>();
            Rows.fact(facts, "User id", user.userId());
            Rows.fact(facts, "Email", user.email());
            Rows.fact(facts, "First name", user.firstName());
            Rows.fact(facts, "Last name", user.lastName());
            Rows.fact(facts, "Role", user.role());
            facts.add(new Elements.Fact("Status", user.holdsLicense() ? "Active" : "Inactive"));
            facts.add(new Elements.Fact("Created on",
                    TenantTime.dateTimeWithZone(user.statusChangedAt(), view.zone())));
            facts.add(new Elements.Fact("Conversations",
                    HistoryCard.conversations(user.conversations(), links.forUser(user.userId()))));
            rows.add(Rows.row("**" + Text.plain(user.username() == null ? user.userId() : user.username(),
                    Rows.VALUE_LENGTH) + "**", facts));
        }
        return rows;
    }
}
