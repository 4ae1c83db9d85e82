package nnlab.display;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import nnlab.plot.Chart;

/** Bundles for pictures: charts and images as PNG (and SVG or PDF when asked for). */
final class Images {
    static final String PNG = "image/png";
    static final String SVG = "image/svg+xml";
    static final String PDF = "application/pdf";
    /** Images smaller than this (on the long side) are magnified so that pixels can be seen. */
    private static final int SMALL = 200;

    private Images() {}

    /**
     * A chart as PNG at its scale (2x by default) with the logical size as display metadata, so
     * it is sharp on high-density screens; SVG and PDF only when requested.
     */
    static MimeBundle chart(Chart chart, Set<String> requested, String plain) {
        MimeBundle bundle = MimeBundle.text(plain);
        if (requested.isEmpty() || requested.contains(PNG)) {
            bundle.with(PNG, base64(chart.toPng()))
                    .withMetadata(PNG, Map.of("width", chart.width(), "height", chart.height()));
        }
        if (requested.contains(SVG)) {
            bundle.with(SVG, chart.toSvgElement());
        }
        if (requested.contains(PDF)) {
            bundle.with(PDF, base64(chart.toPdf()));
        }
        return bundle;
    }

    /**
     * An image as PNG. Tiny images (a 20x20 digit) are enlarged by a whole factor with
     * nearest-neighbour sampling, so their pixels stay crisp squares instead of a blur.
     */
    static MimeBundle image(BufferedImage image, Set<String> requested, String plain) {
        int longSide = Math.max(image.getWidth(), image.getHeight());
        int factor = Math.max(1, SMALL / longSide);
        int width = image.getWidth() * factor;
        int height = image.getHeight() * factor;
        // Enlarged images get 2x pixels for their displayed size, like charts.
        String png = base64(png(factor == 1 ? image : magnify(image, 2 * factor)));
        MimeBundle bundle = MimeBundle.text(plain);
        if (requested.isEmpty() || requested.contains(PNG)) {
            bundle.with(PNG, png).withMetadata(PNG, Map.of("width", width, "height", height));
        }
        if (requested.contains(SVG)) {
            bundle.with(SVG, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"" + height
                    + "\"><image width=\"" + width + "\" height=\"" + height + "\" style=\"image-rendering:pixelated\""
                    + " href=\"data:image/png;base64," + png + "\"/></svg>");
        }
        return bundle;
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode the image as PNG", e);
        }
        return out.toByteArray();
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static BufferedImage magnify(BufferedImage image, int factor) {
        BufferedImage big = new BufferedImage(image.getWidth() * factor, image.getHeight() * factor,
                BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = big.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(image, 0, 0, big.getWidth(), big.getHeight(), null);
        g.dispose();
        return big;
    }
}
