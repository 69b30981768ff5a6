package dev.licensebot.server.console;

import dev.licensebot.core.conversation.Caller;
import dev.licensebot.core.conversation.Conversation;

/**
 * Who sits at the console and whom they ask: a real operator of the tenant, resolved by email with
 * the CLI as surface, so the core checks their role and the audit log names them, as in chat.
 */
public record ConsoleUser(Caller caller, Conversation conversation) {
}
