package dev.licensebot.slack.blocks;

import dev.licensebot.core.conversation.ConversationLinks;
import dev.licensebot.core.users.PlatformUser;
import dev.licensebot.slack.blocks.HistoryTable.Column;

import java.time.ZoneId;
import java.util.List;

import static dev.licensebot.slack.blocks.HistoryTable.count;
import static dev.licensebot.slack.blocks.HistoryTable.date;
import static dev.licensebot.slack.blocks.HistoryTable.text;

/** Every field of a user license (DESIGN.md §3), one user a row. */
final class UserHistoryTable {

    static final HistoryTable<PlatformUser> TABLE = new HistoryTable<>("User history", "users",
            List.of(Column.text("User id"), Column.text("Username"), Column.text("Email"), Column.text("First name"),
                    Column.text("Last name"), Column.text("Role"), Column.text("Status"), Column.text("Created on"),
                    Column.number("Conversations")),
            UserHistoryTable::row);

    private UserHistoryTable() {
    }

    private static List<Object> row(PlatformUser u, ZoneId zone, ConversationLinks links) {
        return List.of(text(u.userId()), text(u.username()), text(u.email()), text(u.firstName()),
                text(u.lastName()), text(u.role()), text(u.status() == null ? null : u.status().name()),
                date(u.statusChangedAt(), zone), count(u.conversations(), links.forUser(u.userId())));
    }
}
