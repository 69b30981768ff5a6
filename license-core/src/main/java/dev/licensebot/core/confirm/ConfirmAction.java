package dev.licensebot.core.confirm;

/** The destructive actions that wait for Confirm or Cancel. */
public enum ConfirmAction { TERMINATE, REPLENISH }
