package nnlab.kernel;

import java.util.ArrayList;
import java.util.List;
import nnlab.display.MimeBundle;

/** Records what a cell sends, in order, as readable strings like "stdout:hello". */
class Recorder implements OutputListener {
    final List<String> events = new ArrayList<>();
    final List<MimeBundle> bundles = new ArrayList<>();
    final StringBuilder stdout = new StringBuilder();
    final StringBuilder stderr = new StringBuilder();
    final List<String> inputs = new ArrayList<>();

    @Override
    public synchronized void stream(String name, String text) {
        events.add(name + ":" + text);
        (name.equals("stdout") ? stdout : stderr).append(text);
    }

    @Override
    public synchronized void display(String displayId, MimeBundle bundle) {
        events.add("display:" + displayId + ":" + bundle.data().get("text/plain"));
        bundles.add(bundle);
    }

    @Override
    public synchronized void updateDisplay(String displayId, MimeBundle bundle) {
        events.add("update:" + displayId + ":" + bundle.data().get("text/plain"));
        bundles.add(bundle);
    }

    @Override
    public synchronized void clearOutput(boolean wait) {
        events.add("clear:" + wait);
    }

    @Override
    public String readLine(String prompt) {
        return inputs.isEmpty() ? null : inputs.remove(0);
    }
}
