package dev.licensebot.core.replenish;

import dev.licensebot.core.Refusal;

import java.util.Arrays;
import java.util.Optional;

/**
 * The inputs of a replenish form on any platform, and which of them a refusal is about: a chat
 * form shows that refusal under that input (and the person fixes it there), any other refusal
 * instead of the form. Adapters only map each field to their own input.
 */
public enum ReplenishField {
    AMOUNT("delta"), POOL("pool"), REASON("reason");

    private final String refusalField;

    ReplenishField(String refusalField) {
        this.refusalField = refusalField;
    }

    /** The name {@link Refusal#field()} gives this input. */
    public String refusalField() {
        return refusalField;
    }

    /** The input the refusal names, if it names one of the form's; empty for a refusal no input can fix. */
    public static Optional<ReplenishField> of(Refusal refusal) {
        return Arrays.stream(values()).filter(f -> f.refusalField.equals(refusal.field())).findFirst();
    }
}
