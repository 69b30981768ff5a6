package dev.licensebot.slack.blocks;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.RichTextBlock;
import com.slack.api.model.block.element.RichTextElement;
import com.slack.api.model.block.element.RichTextSectionElement;

import java.util.List;

/**
 * Slack's {@code table} block, which Bolt's model does not have yet: a typed model of our own that
 * Bolt's Gson serializes like its own blocks (snake_case fields). Cells are {@link RawText} or a
 * {@link RichTextBlock} without a block id (for dates and links).
 */
public final class TableBlock implements LayoutBlock {

    public static final String TYPE = "table";
    /** Slack's limits for one table. */
    public static final int MAX_ROWS = 100;
    public static final int MAX_CELLS = 20;

    private final String type = TYPE;
    private final String blockId;
    private final List<List<Object>> rows;
    private final List<ColumnSetting> columnSettings;

    /** A plain cell; Slack shows its text literally, so nothing needs escaping. */
    public record RawText(String type, String text) {
    }

    /** How a column shows: aligned, and wrapped instead of cut when long. */
    public record ColumnSetting(String align, Boolean isWrapped) {
    }

    public TableBlock(String blockId, List<List<Object>> rows, List<ColumnSetting> columnSettings) {
        if (rows.isEmpty() || rows.size() > MAX_ROWS || rows.stream().anyMatch(r -> r.isEmpty() || r.size() > MAX_CELLS)) {
            throw new IllegalArgumentException("A table holds 1 to " + MAX_ROWS + " rows of 1 to " + MAX_CELLS + " cells");
        }
        this.blockId = blockId;
        this.rows = rows.stream().map(List::copyOf).toList();
        this.columnSettings = columnSettings == null ? null : List.copyOf(columnSettings);
    }

    public static RawText raw(String text) {
        return new RawText("raw_text", text == null || text.isBlank() ? "—" : text);
    }

    /** A rich text cell holding these elements (a date, a link). */
    public static RichTextBlock rich(RichTextElement... elements) {
        return RichTextBlock.builder()
                .elements(List.of(RichTextSectionElement.builder().elements(List.of(elements)).build()))
                .build();
    }

    @Override
    public String getType() {
        return type;
    }

    @Override
    public String getBlockId() {
        return blockId;
    }
}
