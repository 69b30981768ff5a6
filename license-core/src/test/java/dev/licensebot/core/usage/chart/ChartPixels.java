package dev.licensebot.core.usage.chart;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

/** Reads a rendered PNG back, as a person would see it: its size, its colours, its bars. */
public final class ChartPixels {

    private final BufferedImage image;

    private ChartPixels(BufferedImage image) {
        this.image = image;
    }

    public static ChartPixels decode(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            if (image == null) {
                throw new AssertionError("not a PNG ImageIO can read");
            }
            return new ChartPixels(image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int width() {
        return image.getWidth();
    }

    public int height() {
        return image.getHeight();
    }

    public int distinctColours() {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return colours.size();
    }

    boolean contains(Color colour) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The bars of past days' daily maxima. */
    public int pastBars() {
        return bars(UsageChart.BAR);
    }

    /** Today's bar: 1, or 0 when nothing was in use today. */
    public int todayBars() {
        return bars(UsageChart.TODAY);
    }

    public boolean showsDenials() {
        return contains(UsageChart.DENIAL);
    }

    /**
     * Bars of one fill colour: the most bars met along any one row above the legend (whose swatch
     * has the bars' colour). Near the baseline every bar crosses the row, however short. A bar ends
     * only where the background shows, so a line drawn across it (average, limit) does not split it.
     */
    int bars(Color fill) {
        int rgb = fill.getRGB() & 0xFFFFFF;
        boolean legend = UsageChart.legendVisible(new ChartSize(image.getWidth(), image.getHeight()));
        int above = legend ? image.getHeight() * 7 / 8 : image.getHeight();
        int most = 0;
        for (int y = 0; y < above; y++) {
            int bars = 0;
            boolean inBar = false;
            for (int x = 0; x < image.getWidth(); x++) {
                int pixel = image.getRGB(x, y) & 0xFFFFFF;
                if (pixel == rgb && !inBar) {
                    bars++;
                    inBar = true;
                } else if (isBackground(pixel)) {
                    inBar = false;
                }
            }
            most = Math.max(most, bars);
        }
        return most;
    }

    private static boolean isBackground(int pixel) {
        return pixel == (UsageChart.BACKGROUND.getRGB() & 0xFFFFFF) || pixel == (UsageChart.GRID.getRGB() & 0xFFFFFF);
    }
}
