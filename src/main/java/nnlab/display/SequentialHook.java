package nnlab.display;

import java.util.Set;
import nnlab.nn.Sequential;

/** Shows a model as its summary table once it is built (before that, its layers as text). */
public final class SequentialHook implements DisplayHook<Sequential> {
    @Override
    public Class<Sequential> type() {
        return Sequential.class;
    }

    @Override
    public MimeBundle render(Sequential model, Set<String> requested) {
        if (!model.isBuilt()) {
            return MimeBundle.text(model + " (not built yet: start it with an InputLayer, or call build(inputs) or fit, to see shapes and"
                    + " parameters)");
        }
        return new SummaryHook().render(model.summary(), requested);
    }
}
