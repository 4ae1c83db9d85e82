package nnlab.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import nnlab.nn.Activation;
import nnlab.nn.Dense;
import nnlab.nn.History;
import nnlab.nn.InputLayer;
import nnlab.nn.LayerTrace;
import nnlab.nn.Sequential;
import nnlab.nn.Summary;
import nnlab.nn.Tensor;
import nnlab.nn.Trace;
import nnlab.plot.Models;
import nnlab.plot.Rendered;
import org.junit.jupiter.api.Test;

class NnHooksTest {

    private static String html(Object value) {
        return (String) DisplayHooks.render(value).data().get("text/html");
    }

    /** The graded assignment's model: 400 -> 25 -> 15 -> 10. */
    private static Sequential digitsModel() {
        Sequential model = new Sequential("my_model", new Dense(25, Activation.RELU, "L1"),
                new Dense(15, Activation.RELU, "L2"), new Dense(10, Activation.LINEAR, "L3"));
        model.build(400);
        return model;
    }

    @Test
    void hooksAreRegistered() {
        assertInstanceOf(TensorHook.class, DisplayHooks.find(Tensor.class));
        assertInstanceOf(SequentialHook.class, DisplayHooks.find(Sequential.class));
        assertInstanceOf(SummaryHook.class, DisplayHooks.find(Summary.class));
        assertInstanceOf(HistoryHook.class, DisplayHooks.find(History.class));
        assertInstanceOf(TraceHook.class, DisplayHooks.find(Trace.class));
        assertInstanceOf(LayerTraceHook.class, DisplayHooks.find(LayerTrace.class));
    }

    @Test
    void summaryShowsLayersShapesAndTheAssignmentsParameterCount() {
        MimeBundle bundle = DisplayHooks.render(digitsModel());
        assertEquals(List.of("text/plain", "text/html"), List.copyOf(bundle.data().keySet()));
        String html = (String) bundle.data().get("text/html");
        assertTrue(html.contains("<b>Model: \"my_model\"</b>"), html);
        assertTrue(html.contains("<td>L1 (Dense)</td><td>(None, 25)</td><td>10,025</td>"), html);
        assertTrue(html.contains("<td>L3 (Dense)</td><td>(None, 10)</td><td>160</td>"), html);
        assertTrue(html.contains("Total params: 10,575"), html);
        assertTrue(((String) bundle.data().get("text/plain")).contains("Total params: 10,575"));
        assertEquals(html, html(digitsModel().summary()));
        Sequential withInput = new Sequential("my_model", new InputLayer(400), new Dense(25, Activation.RELU, "L1"),
                new Dense(15, Activation.RELU, "L2"), new Dense(10, Activation.LINEAR, "L3"));
        assertEquals(html, html(withInput), "built at once by its InputLayer, which gets no row, as in Keras 2");
    }

    @Test
    void unbuiltModelSaysHowToBuildIt() {
        MimeBundle bundle = DisplayHooks.render(new Sequential(new Dense(3, Activation.RELU)));
        assertTrue(((String) bundle.data().get("text/plain")).contains("not built yet"));
        assertFalse(bundle.data().containsKey("text/html"));
    }

    @Test
    void tensorShowsAsATableWithItsShape() {
        String html = html(Tensor.of(new float[][] {{1, 2.5f, -3}, {0.1f, 1e-9f, 4}}));
        assertTrue(html.contains("Tensor shape (2, 3), float32"), html);
        assertTrue(html.contains("<tr><th>1</th><td>0.1</td><td>1.0000e-09</td><td>4</td></tr>"), html);
        assertTrue(html(Tensor.of(1f, 2f, 3f)).contains("Tensor shape (3,), float32"));
    }

    @Test
    void bigTensorsAreElidedButKeepTheirFullShape() {
        float[] data = new float[100 * 50];
        for (int i = 0; i < data.length; i++) {
            data[i] = i;
        }
        String html = html(Tensor.of(new int[] {100, 50}, data));
        assertTrue(html.contains("Tensor shape (100, 50), float32"), html);
        assertTrue(html.contains("<tr><th>99</th><td>4950</td>"), "last row starts with 99*50");
        assertFalse(html.contains("<tr><th>50</th>"), "middle rows elided");
        assertTrue(html.contains("<th>4</th><th>…</th><th>45</th>"), "middle columns elided");
        String rank3 = html(Tensor.zeros(2, 3, 4));
        assertTrue(rank3.contains("<tr><th>(1, 2)</th>"), rank3);
    }

    @Test
    void twoDimensionalTensorCanShowAsAGreyPicture() {
        float[] pixels = new float[400];
        pixels[21] = 1;
        MimeBundle bundle = DisplayHooks.render(Tensor.of(new int[] {20, 20}, pixels), "image/png");
        var image = Rendered.decodePng(Base64.getDecoder().decode((String) bundle.data().get("image/png")));
        assertEquals(400, image.getWidth());
        assertEquals(0xFFFFFF, image.getRGB(20 + 5, 20 + 5) & 0xFFFFFF, "pixel (1,1) is the brightest");
        assertEquals(0x000000, image.getRGB(5, 5) & 0xFFFFFF);
        var e = assertThrows(IllegalArgumentException.class,
                () -> DisplayHooks.render(Tensor.of(new int[] {400}, pixels), "image/png"));
        assertTrue(e.getMessage().contains("x.row(i).reshape(20, 20)"), e.getMessage());
    }

    @Test
    void historyShowsAsItsLossChart() {
        History h = Models.history(3);
        MimeBundle bundle = DisplayHooks.render(h);
        Rendered.assertPng(Base64.getDecoder().decode((String) bundle.data().get("image/png")), 1280, 800);
        assertEquals(h.toString(), bundle.data().get("text/plain"));
    }

    @Test
    void traceShowsEveryStepOfEveryLayer() {
        Sequential model = digitsModel();
        Trace trace = model.trace(Tensor.zeros(1, 400));
        String html = html(trace);
        assertTrue(html.contains("Layer 0: L1 (Dense, relu)"), html);
        assertTrue(html.contains("Layer 2: L3 (Dense, linear)"), html);
        assertTrue(html.contains("W  (400, 25)") && html.contains("b  (25,)"), html);
        assertTrue(html.contains("z = input·W + b  (1, 25)") && html.contains("a = relu(z)  (1, 25)"), html);
        String one = html(trace.layer(1));
        assertTrue(one.contains("L2 (Dense, relu)") && one.contains("input  (1, 25)") && !one.contains("L3"), one);
    }

    @Test
    void namesInModelsAreEscaped() {
        Sequential model = new Sequential("<script>alert(1)</script>", new Dense(2, Activation.RELU, "<b>x</b>"));
        model.build(2);
        String html = html(model) + html(model.trace(Tensor.zeros(1, 2)));
        assertFalse(html.contains("<script>") || html.contains("<b>x"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && html.contains("&lt;b&gt;x&lt;/b&gt;"), html);
    }
}
