"""nbclient runs a notebook through the installed kernel, as Jupyter would, and the outputs are checked."""
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
import pytest

from conftest import KERNEL_NAME


def notebook(*cells):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": KERNEL_NAME, "display_name": "Java", "language": "java"}
    nb.cells = [nbformat.v4.new_markdown_cell("# test")] + [nbformat.v4.new_code_cell(c) for c in cells]
    return nb


def run(nb, **kwargs):
    NotebookClient(nb, timeout=120, kernel_name=KERNEL_NAME, **kwargs).execute()
    return [c for c in nb.cells if c.cell_type == "code"]


def test_notebook_outputs():
    cells = run(notebook(
        "int n = 3;\nfor (int i = 0; i < n; i++) System.out.println(\"line \" + i);",
        "n * 14",
        "display(MimeBundle.text(\"bold\").with(\"text/html\", \"<b>bold</b>\"));",
        "String id = display(\"step 0\");\nupdateDisplay(id, \"step 1\");",
        "%%html\n<p id=\"x\">hello html</p>",
        "%%markdown\n**hello md**",
        "List<Integer> xs = List.of(1, 2, 3);\nxs.stream().mapToInt(Integer::intValue).sum()",
    ))
    assert cells[0].outputs[0].output_type == "stream"
    assert cells[0].outputs[0].text == "line 0\nline 1\nline 2\n"
    assert cells[1].outputs[0].output_type == "execute_result"
    assert cells[1].outputs[0].data["text/plain"] == "42"
    assert cells[1].execution_count == 2
    assert cells[2].outputs[0].output_type == "display_data"
    assert cells[2].outputs[0].data["text/html"] == "<b>bold</b>"
    assert len(cells[2].outputs) == 1, "display(...) as the last line must not add its id as a result"
    # nbclient applies update_display_data to the output it names.
    assert [o.data["text/plain"] for o in cells[3].outputs] == ["step 1"]
    assert cells[4].outputs[0].data["text/html"] == "<p id=\"x\">hello html</p>"
    assert cells[5].outputs[0].data["text/markdown"] == "**hello md**"
    assert cells[6].outputs[0].data["text/plain"] == "6"


def test_error_cell_stops_the_notebook_with_a_readable_message():
    nb = notebook("int ok = 1;", "int bad = \"text\";", "ok")
    with pytest.raises(CellExecutionError) as failure:
        run(nb)
    message = str(failure.value)
    assert "CompileError" in message
    assert "line 1, column 11" in message
    assert "incompatible types: java.lang.String cannot be converted to int" in message
    assert nb.cells[3].outputs == []  # the cell after the error did not run


def test_notebook_keeps_running_after_errors_when_allowed():
    cells = run(notebook("int a = 1 / 0;", "int b = 2;\nb"), allow_errors=True)
    error = cells[0].outputs[0]
    assert error.output_type == "error"
    assert error.ename == "java.lang.ArithmeticException"
    assert error.evalue == "/ by zero"
    assert cells[1].outputs[0].data["text/plain"] == "2"
