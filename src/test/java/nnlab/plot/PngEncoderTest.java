package nnlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PngEncoderTest {

    private static void assertRoundTrip(BufferedImage image) {
        BufferedImage decoded = Rendered.decodePng(PngEncoder.encode(image));
        assertEquals(image.getWidth(), decoded.getWidth());
        assertEquals(image.getHeight(), decoded.getHeight());
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                assertEquals(image.getRGB(x, y), decoded.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void chartPixelsSurviveExactly() {
        assertRoundTrip(Plot.function(Math::sin, 0, 10).title("sin").toImage());
    }

    @Test
    void noisePixelsSurviveExactly() {
        BufferedImage noise = new BufferedImage(257, 31, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(5);
        for (int y = 0; y < noise.getHeight(); y++) {
            for (int x = 0; x < noise.getWidth(); x++) {
                noise.setRGB(x, y, random.nextInt());
            }
        }
        assertRoundTrip(noise);
    }

    @Test
    void otherImageTypesAreRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> PngEncoder.encode(new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB)));
        assertEquals("PngEncoder needs TYPE_INT_RGB, got type " + BufferedImage.TYPE_INT_ARGB, e.getMessage());
    }
}
