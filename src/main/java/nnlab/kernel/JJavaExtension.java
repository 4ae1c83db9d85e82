package nnlab.kernel;

import java.util.UUID;
import nnlab.display.Display;
import nnlab.display.DisplayHook;
import nnlab.display.DisplayHooks;
import nnlab.display.DisplaySink;
import nnlab.display.MimeBundle;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;

/**
 * Brings nnlab's rich output to a plain JJava kernel: adding nnlab.jar to a JJava notebook (e.g.
 * with {@code %jars}) registers every {@link DisplayHook} with JJava's renderer, and routes
 * {@link Display#display} from library code to JJava's display stream. Found by JJava through
 * {@code META-INF/services/org.dflib.jjava.jupyter.Extension}; the nnlab kernel itself does not need it.
 */
public final class JJavaExtension implements Extension {

    /** Registers the hooks with the kernel's renderer and installs a display sink. */
    @Override
    public void install(BaseKernel kernel) {
        Renderer renderer = kernel.getRenderer();
        register(renderer, MimeBundle.class);
        for (DisplayHook<?> hook : DisplayHooks.hooks()) {
            register(renderer, hook.type());
        }
        Display.install(new DisplaySink() {
            @Override
            public String display(MimeBundle bundle) {
                String id = UUID.randomUUID().toString();
                DisplayData data = toDisplayData(bundle);
                data.setDisplayId(id);
                kernel.getIO().display.display(data);
                return id;
            }

            @Override
            public void update(String displayId, MimeBundle bundle) {
                kernel.getIO().display.updateDisplay(displayId, toDisplayData(bundle));
            }

            @Override
            public void clearOutput(boolean wait) {
                // JJava's display stream has no clear_output message.
            }
        });
    }

    @Override
    public void uninstall(BaseKernel kernel) {
        Display.install(null);
    }

    private static <T> void register(Renderer renderer, Class<T> type) {
        renderer.createRegistration(type).register((value, context) -> {
            MimeBundle bundle = DisplayHooks.render(value);
            bundle.data().forEach(context.getOutputContainer()::putData);
            bundle.metadata().forEach(context.getOutputContainer()::putMetaData);
        });
    }

    static DisplayData toDisplayData(MimeBundle bundle) {
        DisplayData data = new DisplayData();
        bundle.data().forEach(data::putData);
        bundle.metadata().forEach(data::putMetaData);
        return data;
    }
}
