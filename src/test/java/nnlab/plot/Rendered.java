package nnlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** Checks on rendered output shared by the plot and display tests. */
public final class Rendered {
    private Rendered() {}

    /** Decodes PNG bytes, failing the test when they are not a PNG. */
    public static BufferedImage decodePng(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertNotNull(image, "bytes are not a decodable image");
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts the PNG has the given pixel size and real content, and returns it decoded. */
    public static BufferedImage assertPng(byte[] png, int width, int height) {
        BufferedImage image = decodePng(png);
        assertEquals(width, image.getWidth(), "PNG width");
        assertEquals(height, image.getHeight(), "PNG height");
        assertNotBlank(image);
        return image;
    }

    /** Not blank: a good share of non-white pixels and more than a handful of colours. */
    public static void assertNotBlank(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        long inked = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                if (rgb != 0xFFFFFF) {
                    inked++;
                }
            }
        }
        long sampled = (long) ((image.getHeight() + 1) / 2) * ((image.getWidth() + 1) / 2);
        assertTrue(colours.size() > 8, "image has only " + colours.size() + " colours");
        assertTrue(inked > sampled / 100, "image is almost blank: " + inked + " of " + sampled + " sampled pixels inked");
    }

    /** Parses an SVG document (or element) as XML and checks its root element. */
    public static Document assertSvg(String svg) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // JFreeSVG declares the SVG 1.1 DTD; the tests run offline and do not need it.
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            Document doc = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
            assertEquals("svg", doc.getDocumentElement().getNodeName());
            return doc;
        } catch (Exception e) {
            throw new AssertionError("SVG does not parse as XML: " + e.getMessage(), e);
        }
    }

    /** A PDF: the header, at least one page object and the end-of-file marker. */
    public static void assertPdf(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("%PDF-"), "PDF header missing");
        assertTrue(text.matches("(?s).*/Type\\s*/Page[^s].*"), "no page object in the PDF");
        assertTrue(text.matches("(?s).*/Count\\s+[1-9].*"), "page tree has no pages");
        assertTrue(text.stripTrailing().endsWith("%%EOF"), "PDF is truncated");
    }
}
