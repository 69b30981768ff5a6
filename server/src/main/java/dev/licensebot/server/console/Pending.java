package dev.licensebot.server.console;

/**
 * A destructive action the core is holding a confirmation for. Both ways use the confirmation up,
 * so nothing is left waiting when the operator moves on; each returns what came of it.
 */
interface Pending {

    String confirm();

    String cancel();
}
