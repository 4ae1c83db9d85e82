package nnlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class FontsTest {
    private static final String TITLE = "损失曲线";

    @Test
    void chineseTitleIsDrawnWithRealGlyphs() {
        Chart chart = Plot.function(Math::sin, 0, 1).title(TITLE);
        Font font = chart.jfree().getTitle().getFont();
        assertEquals(-1, font.canDisplayUpTo(TITLE), "a CJK font must be installed (fonts-wqy-microhei)");
        GlyphVector glyphs = font.createGlyphVector(new FontRenderContext(null, true, true), TITLE);
        for (int i = 0; i < glyphs.getNumGlyphs(); i++) {
            assertNotEquals(font.getMissingGlyphCode(), glyphs.getGlyphCode(i), "glyph " + i + " is the missing-glyph box");
        }
        // Missing glyphs are all the same box; real ones differ from each other and from the box.
        Set<String> shapes = new HashSet<>();
        for (char c : (TITLE + "\uE000").toCharArray()) {
            shapes.add(bitmap(font, String.valueOf(c)));
        }
        assertEquals(TITLE.length() + 1, shapes.size(), "some characters were drawn as the same box");
        Rendered.assertNotBlank(Rendered.decodePng(chart.toPng()));
        assertTrue(Fonts.cjkAvailable());
    }

    @Test
    void missingCjkFontGivesOneWarningNamingThePackage() {
        List<String> warnings = new ArrayList<>();
        AtomicBoolean warned = new AtomicBoolean();
        List<String> texts = List.of("Loss", TITLE, "曲线");
        Fonts.check(texts, text -> text.chars().allMatch(ch -> ch < 0x2E80), warned, warnings::add);
        Fonts.check(texts, text -> text.chars().allMatch(ch -> ch < 0x2E80), warned, warnings::add);
        assertEquals(1, warnings.size(), "exactly one warning");
        assertTrue(warnings.get(0).contains("fonts-wqy-microhei"), warnings.get(0));
        assertTrue(warnings.get(0).contains(TITLE), warnings.get(0));
    }

    @Test
    void noWarningWhenEverythingCanBeDrawn() {
        List<String> warnings = new ArrayList<>();
        Fonts.check(List.of("Loss", TITLE), text -> true, new AtomicBoolean(), warnings::add);
        assertEquals(List.of(), warnings);
    }

    @Test
    void chartTextsIncludeTitleAxisAndLegendLabels() {
        Chart chart = Plot.function("正弦", Math::sin, 0, 1).title(TITLE);
        List<String> texts = Fonts.texts(chart.jfree());
        assertTrue(texts.containsAll(List.of(TITLE, "x", "y", "正弦")), texts.toString());
    }

    private static String bitmap(Font font, String text) {
        BufferedImage image = new BufferedImage(48, 48, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        g.setFont(font.deriveFont(32f));
        g.drawString(text, 4, 38);
        g.dispose();
        StringBuilder bits = new StringBuilder();
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 48; x++) {
                bits.append((image.getRGB(x, y) & 0xFF) > 127 ? '1' : '0');
            }
        }
        return bits.toString();
    }
}
