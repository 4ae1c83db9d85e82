package nnlab.kernel;

import java.util.function.BiConsumer;
import nnlab.display.MimeBundle;

/** A listener for cells run outside a notebook front end: text goes to a callback, displays are dropped. */
final class TextOnlyListener implements OutputListener {
    private final BiConsumer<String, String> text;

    TextOnlyListener(BiConsumer<String, String> text) {
        this.text = text;
    }

    @Override
    public void stream(String name, String chunk) {
        text.accept(name, chunk);
    }

    @Override
    public void display(String displayId, MimeBundle bundle) {
        // No front end to show it in.
    }

    @Override
    public void updateDisplay(String displayId, MimeBundle bundle) {
        // No front end to show it in.
    }

    @Override
    public void clearOutput(boolean wait) {
        // No front end to show it in.
    }
}
