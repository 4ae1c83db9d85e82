"""Charts, tables and live training feedback through the real kernel, run by nbclient as Jupyter would."""
import base64
import struct
from xml.etree import ElementTree

import nbformat
from nbclient import NotebookClient

from conftest import KERNEL_NAME

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def notebook(*cells):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": KERNEL_NAME, "display_name": "Java", "language": "java"}
    nb.cells = [nbformat.v4.new_code_cell(c) for c in cells]
    return nb


def run(*cells):
    nb = notebook(*cells)
    NotebookClient(nb, timeout=180, kernel_name=KERNEL_NAME).execute()
    # A saved notebook is what teachers keep: write and read it back, then check that copy.
    return nbformat.reads(nbformat.writes(nb), as_version=4).cells


def png_size(data):
    raw = base64.b64decode(data)
    assert raw.startswith(PNG_SIGNATURE)
    return struct.unpack(">II", raw[16:24])


def test_cell_ending_in_a_chart_shows_a_sharp_png():
    cells = run('Plot.activations(Activation.SIGMOID, Activation.RELU).title("激活函数")')
    result = cells[0].outputs[0]
    assert result.output_type == "execute_result"
    assert png_size(result.data["image/png"]) == (1280, 800)
    assert result.metadata["image/png"] == {"width": 640, "height": 400}
    assert "激活函数" in result.data["text/plain"]


def test_svg_on_request_and_tables_escaped():
    cells = run(
        'display(Plot.function(Math::sin, 0, 6), "image/svg+xml");',
        'tech.tablesaw.api.Table.create("t", tech.tablesaw.api.StringColumn.create("c", "<script>alert(1)</script>"))',
    )
    svg = cells[0].outputs[0].data["image/svg+xml"]
    assert svg.startswith("<svg") and "image/png" not in cells[0].outputs[0].data
    html = cells[1].outputs[0].data["text/html"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>" not in html


def test_fit_leaves_progress_and_final_loss_chart_in_the_saved_notebook(tmp_path):
    svg_file = tmp_path / "new-folder" / "outputs.svg"
    cells = run(
        "Seed.setGlobal(1234);\n"
        "float[][] xs = new float[64][2]; float[] ys = new float[64];\n"
        "for (int i = 0; i < 64; i++) { xs[i][0] = i % 2 == 0 ? -2 + i / 64f : 2 - i / 64f; xs[i][1] = (i % 7) / 7f; ys[i] = i % 2; }\n"
        "Tensor x = Tensor.of(xs), y = Tensor.of(ys);\n"
        "Sequential model = new Sequential(new Dense(3, Activation.RELU), new Dense(2, Activation.LINEAR));\n"
        "model.compile(new SparseCategoricalCrossentropy(true), new Adam(0.05));",
        "History h = model.fit(x, y, 6);",
        "model.summary()",
        "model.trace(x.rows(0, 2)).layer(0)",
        "Tables.of(h)",
        "x",
        f'Plot.outputs(model.predict(x.rows(0, 1))).save("{svg_file}")',
    )
    outputs = cells[1].outputs
    displays = [o for o in outputs if o.output_type == "display_data"]
    assert len(displays) == 2, [o.output_type for o in outputs]
    progress, chart = displays
    assert progress.data["text/plain"].startswith("Epoch 6/6\n2/2 [==============================]")
    assert "6 epochs in" in progress.data["text/plain"]
    assert "<pre" in progress.data["text/html"]
    assert png_size(chart.data["image/png"]) == (1280, 800)
    assert chart.data["text/plain"].startswith("History(epochs=6, loss=")
    assert not [o for o in outputs if o.output_type == "stream" and "Epoch" in o.get("text", "")], \
        "no text progress in a notebook"
    summary = cells[2].outputs[0].data["text/html"]
    assert "Total params: 17" in summary
    trace = cells[3].outputs[0].data["text/html"]
    assert "z = input·W + b  (2, 3)" in trace and "a = relu(z)  (2, 3)" in trace
    table = cells[4].outputs[0].data["text/html"]
    assert "history: 6 rows × 3 columns" in table and "<th>accuracy</th>" in table
    tensor = cells[5].outputs[0].data["text/html"]
    assert "Tensor shape (64, 2), float32" in tensor and "…" in tensor
    assert cells[6].outputs[0].data["text/plain"] == str(svg_file)
    assert ElementTree.parse(svg_file).getroot().tag == "{http://www.w3.org/2000/svg}svg"
