package nnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ServiceLoader;
import nnlab.display.Display;
import nnlab.display.MimeBundle;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.junit.jupiter.api.Test;

class JJavaExtensionTest {

    /** The smallest JJava kernel: enough to install extensions into and render with. */
    static final class PlainJJavaKernel extends BaseKernel {
        PlainJJavaKernel() {
            super("plain", "1", new LanguageInfo("java", "17", null, null, null, null, null), List.of(), null,
                    new JupyterIO(StandardCharsets.UTF_8), new CommManager(), new Renderer(), null, new MagicsRegistry(),
                    true, new StringStyler.Builder().build());
        }

        @Override
        public Object evalRaw(String source) {
            return null;
        }

        @Override
        public DisplayData inspect(String code, int at, boolean extraDetail) {
            return null;
        }

        @Override
        public ReplacementOptions complete(String code, int at) {
            return null;
        }

        @Override
        public String isComplete(String code) {
            return IS_COMPLETE_MAYBE;
        }
    }

    @Test
    void jjavaFindsTheExtensionAndRendersWithOurHooks() {
        Extension extension = ServiceLoader.load(Extension.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(e -> e instanceof JJavaExtension)
                .findFirst().orElseThrow(() -> new AssertionError("JJavaExtension is not registered as a JJava extension"));
        PlainJJavaKernel kernel = new PlainJJavaKernel();
        try {
            extension.install(kernel);
            DisplayData data = kernel.getRenderer().render(MimeBundle.text("t").with("text/html", "<b>t</b>"));
            assertEquals("<b>t</b>", data.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_HTML));
            assertTrue(Display.inNotebook(), "library code displays through JJava once the extension is in");
        } finally {
            extension.uninstall(kernel);
        }
    }
}
