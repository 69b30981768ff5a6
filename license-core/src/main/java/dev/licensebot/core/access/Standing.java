package dev.licensebot.core.access;

import dev.licensebot.core.Refusal;

/**
 * What a chat platform vouches for about whoever wrote. Only a {@link #MEMBER} is looked up by
 * email: everyone else could carry an operator's email without being that operator (issue 21).
 */
public enum Standing {

    /** A full, active member of the linked workspace or organization, with a confirmed email. */
    MEMBER(null, null),
    DELETED("deactivated_user",
            "Your account has been deactivated here, so licensebot cannot serve you."),
    BOT("bot_user",
            "licensebot answers people only, not bots or apps."),
    GUEST("guest_user",
            "Only full members of the linked workspace or organization can use licensebot, not guests."),
    STRANGER("foreign_user",
            "You belong to another workspace or organization than the one linked to this licensebot account, "
                    + "so licensebot cannot serve you here."),
    EMAIL_UNCONFIRMED("email_unconfirmed",
            "Your email address is not confirmed yet, so I cannot tell who you are until you confirm it.");

    private final String code;
    private final String sentence;

    Standing(String code, String sentence) {
        this.code = code;
        this.sentence = sentence;
    }

    public boolean isMember() {
        return this == MEMBER;
    }

    /** Stable, snake_case: the refusal's code and what the audit records. */
    public String code() {
        return code;
    }

    Refusal refusal() {
        return new Refusal(Refusal.Kind.NOT_PERMITTED, code, sentence);
    }
}
