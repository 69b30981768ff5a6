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
     * Bars of one fill colour: runs of adjacent columns that hold that exact colour, looking only at
     * the plot (above the bottom quarter, where the day labels and the legend's swatches are).
     */
    int bars(Color fill) {
        int rgb = fill.getRGB() & 0xFFFFFF;
        int plotBottom = image.getHeight() * 3 / 4;
        int runs = 0;
        boolean inRun = false;
        for (int x = 0; x < image.getWidth(); x++) {
            boolean hit = false;
            for (int y = 0; y < plotBottom && !hit; y++) {
                hit = (image.getRGB(x, y) & 0xFFFFFF) == rgb;
            }
            if (hit && !inRun) {
                runs++;
            }
            inRun = hit;
        }
        return runs;
    }
}
