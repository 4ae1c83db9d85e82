package nnlab.display;

import java.util.Set;
import nnlab.nn.History;
import nnlab.plot.Plot;

/** Shows a training {@link History} as its loss chart ({@link Plot#loss(History...)}). */
public final class HistoryHook implements DisplayHook<History> {
    @Override
    public Class<History> type() {
        return History.class;
    }

    @Override
    public MimeBundle render(History history, Set<String> requested) {
        if (history.epochs() == 0) {
            return MimeBundle.text(history.toString());
        }
        return Images.chart(Plot.loss(history), requested, history.toString());
    }
}
