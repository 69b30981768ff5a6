package dev.licensebot.server.console;

import dev.licensebot.core.conversation.LicenseRequest;

/** Answers one kind of request at the console: calls one use case and renders its result as text. */
@FunctionalInterface
interface ConsoleAnswer<R extends LicenseRequest> {
    Reply answer(R request, ConsoleUser who);
}
