package dev.licensebot.core.users;

/** A user holds a USER license while ACTIVE; disabling releases it. */
public enum UserStatus { ACTIVE, INACTIVE }
