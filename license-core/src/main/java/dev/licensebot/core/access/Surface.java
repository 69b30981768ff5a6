package dev.licensebot.core.access;

/** Where a request came from; recorded in the audit log. */
public enum Surface { SLACK, TEAMS, API, CLI }
