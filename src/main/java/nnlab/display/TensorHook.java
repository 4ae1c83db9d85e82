package nnlab.display;

import java.awt.image.BufferedImage;
import java.util.Set;
import nnlab.nn.Tensor;

/**
 * Shows a {@link Tensor} as an HTML table captioned with its shape and dtype; big tensors are cut
 * in the middle of each long axis. Asked for {@code image/png}, a 2-D tensor shows as a grey-scale
 * picture (smallest value black, largest white), e.g.
 * {@code display(x.row(0).reshape(20, 20), "image/png")}.
 */
public final class TensorHook implements DisplayHook<Tensor> {
    static final int MAX_ROWS = 20;
    static final int MAX_COLUMNS = 20;
    static final int EDGE = 5;

    @Override
    public Class<Tensor> type() {
        return Tensor.class;
    }

    @Override
    public MimeBundle render(Tensor tensor, Set<String> requested) {
        if (requested.contains(Images.PNG) || requested.contains(Images.SVG)) {
            return Images.image(grey(tensor), requested, tensor.toString());
        }
        String caption = "Tensor shape " + TensorGrid.shape(tensor.shape()) + ", float32";
        return MimeBundle.text(tensor.toString())
                .with("text/html", TensorGrid.of(tensor, caption, MAX_ROWS, MAX_COLUMNS, EDGE).toHtml());
    }

    static BufferedImage grey(Tensor tensor) {
        int[] s = tensor.shape();
        if (s.length != 2 && !(s.length == 3 && s[0] == 1)) {
            throw new IllegalArgumentException("Only a 2-D tensor (height, width) can be shown as a picture; this one has"
                    + " shape " + TensorGrid.shape(s) + ". For one 20x20 image stored as a row use x.row(i).reshape(20, 20).");
        }
        int h = s[s.length - 2];
        int w = s[s.length - 1];
        float[] v = tensor.toArray();
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float f : v) {
            lo = Math.min(lo, f);
            hi = Math.max(hi, f);
        }
        float span = hi > lo ? hi - lo : 1;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int g = Math.round((v[y * w + x] - lo) / span * 255);
                image.setRGB(x, y, g << 16 | g << 8 | g);
            }
        }
        return image;
    }
}
