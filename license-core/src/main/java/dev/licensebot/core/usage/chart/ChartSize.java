package dev.licensebot.core.usage.chart;

/** The size of a rendered chart in pixels. */
public record ChartSize(int width, int height) {

    /** Clear at chat size: Slack shows images up to about this wide, and the API returns it. */
    public static final ChartSize CHAT = new ChartSize(800, 400);
    /**
     * For a card that carries its image inline (Teams, whose messages stop at about 28 KB): small
     * enough that both pools' charts fit with the rest of the card once base64-encoded.
     */
    public static final ChartSize CARD = new ChartSize(400, 170);

    public ChartSize {
        if (width < 200 || height < 100 || width > 4000 || height > 4000) {
            throw new IllegalArgumentException("A chart is between 200x100 and 4000x4000 pixels, not "
                    + width + "x" + height);
        }
    }
}
