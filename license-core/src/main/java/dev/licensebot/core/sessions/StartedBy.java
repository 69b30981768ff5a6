package dev.licensebot.core.sessions;

/** Whether the session was opened by a platform user or by an agent. */
public enum StartedBy { USER, AGENT }
