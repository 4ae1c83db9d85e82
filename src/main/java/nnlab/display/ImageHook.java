package nnlab.display;

import java.awt.image.BufferedImage;
import java.util.Set;

/** Shows a {@link BufferedImage} as PNG; tiny images are enlarged with crisp pixels. */
public final class ImageHook implements DisplayHook<BufferedImage> {
    @Override
    public Class<BufferedImage> type() {
        return BufferedImage.class;
    }

    @Override
    public MimeBundle render(BufferedImage image, Set<String> requested) {
        return Images.image(image, requested, "BufferedImage " + image.getWidth() + "x" + image.getHeight());
    }
}
