package dev.licensebot.core.replenish;

import dev.licensebot.core.Refusal;

import java.util.regex.Pattern;

/** The change of a replenishment as a person types it into a form: "10", "+10" or "-5". */
public final class ReplenishAmount {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?\\d+");

    private ReplenishAmount() {
    }

    /** The signed change; whether it is allowed (non-zero, within the limits) is checked on request. */
    public static int parse(String text) {
        String amount = text == null ? "" : text.trim();
        if (amount.isEmpty()) {
            throw Refusal.invalid(ReplenishField.AMOUNT.refusalField(), "Give the number of licenses to add or remove, such as 10 or -5.");
        }
        if (!WHOLE_NUMBER.matcher(amount).matches()) {
            throw Refusal.invalid(ReplenishField.AMOUNT.refusalField(), "\"" + amount + "\" is not a whole number; give the change such as 10 or -5.");
        }
        try {
            return Integer.parseInt(amount);
        } catch (NumberFormatException e) {
            // Only the size is left to be wrong; the core's limit is far below int's.
            throw Refusal.invalid(ReplenishField.AMOUNT.refusalField(), "\"" + amount + "\" is too large a number.");
        }
    }
}
