package nnlab.plot;

/**
 * Chart sizes (in logical pixels; PNG files get {@link Chart#scale(double)} times as many) that
 * fill a slide's content area without being stretched.
 */
public enum SlideSize {
    /** 16:9 widescreen, 960 x 540. */
    WIDE_16_9(960, 540),
    /** 4:3 classic, 800 x 600. */
    STANDARD_4_3(800, 600);

    private final int width;
    private final int height;

    SlideSize(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** Width in logical pixels. */
    public int width() {
        return width;
    }

    /** Height in logical pixels. */
    public int height() {
        return height;
    }
}
