package dev.licensebot.slack.blocks;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.replenish.ReplenishField;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.slack.reply.SlackMessage;

import java.util.List;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.numberInput;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/**
 * The Replenish modal: amount, pool and an optional reason. Submitting it only asks for the
 * core's confirmation; nothing changes before Confirm is pressed on the message that follows.
 */
public final class ReplenishForm {

    public static final String CALLBACK_ID = "replenish_form";
    public static final String AMOUNT_BLOCK = "replenish_amount";
    public static final String AMOUNT_ACTION = "amount";
    public static final String POOL_BLOCK = "replenish_pool";
    public static final String POOL_ACTION = "pool";
    public static final String REASON_BLOCK = "replenish_reason";
    public static final String REASON_ACTION = "reason";

    private ReplenishForm() {
    }

    /** {@code privateMetadata} comes back with the submission: where to post the confirmation. */
    public static View form(String privateMetadata) {
        List<LayoutBlock> blocks = List.of(
                input(i -> i.blockId(AMOUNT_BLOCK).label(plainText("Change"))
                        .element(numberInput(n -> n.actionId(AMOUNT_ACTION).decimalAllowed(false)
                                .placeholder(plainText("10 to add, -5 to remove"))))
                        .hint(plainText("A positive number adds licenses, a negative one removes them."))),
                input(i -> i.blockId(POOL_BLOCK).label(plainText("Pool"))
                        .element(staticSelect(s -> s.actionId(POOL_ACTION).placeholder(plainText("Choose a pool"))
                                .options(List.of(option(plainText("Session licenses"), Pool.SESSION.label()),
                                        option(plainText("User licenses"), Pool.USER.label())))))),
                input(i -> i.blockId(REASON_BLOCK).label(plainText("Reason")).optional(true)
                        .element(plainTextInput(p -> p.actionId(REASON_ACTION)
                                .placeholder(plainText("e.g. PO 4711"))))));
        return modal(blocks, privateMetadata, true);
    }

    /**
     * What replaces the form when the core says no for a reason no input can fix (the role, the
     * workspace), or something failed on our side: the same sentence as in a message.
     */
    public static View notice(SlackMessage sentence) {
        return modal(sentence.blocks(), null, false);
    }

    /** The input block a refusal is about, if the core says it names one of the form's fields. */
    public static Optional<String> blockOf(Refusal refusal) {
        return ReplenishField.of(refusal).map(field -> switch (field) {
            case AMOUNT -> AMOUNT_BLOCK;
            case POOL -> POOL_BLOCK;
            case REASON -> REASON_BLOCK;
        });
    }

    private static View modal(List<LayoutBlock> blocks, String privateMetadata, boolean submittable) {
        return view(v -> v.type("modal").callbackId(CALLBACK_ID)
                .title(viewTitle(t -> t.type("plain_text").text("Replenish licenses")))
                .submit(submittable ? viewSubmit(s -> s.type("plain_text").text("Review")) : null)
                .close(viewClose(c -> c.type("plain_text").text(submittable ? "Cancel" : "Close")))
                .privateMetadata(privateMetadata)
                .blocks(blocks));
    }
}
