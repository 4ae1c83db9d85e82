"""A real browser runs a lecture notebook: the OS packages' classic Jupyter Notebook on 127.0.0.1
with a token, and headless Chromium driven through the DevTools protocol (tornado's websocket
client). All cells are run from the page; the test checks that the charts are on the page as
images, that no cell shows an error, and keeps a screenshot of the first chart."""
import asyncio
import base64
import io
import json
import os
import secrets
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import nbformat
from PIL import Image
from tornado.websocket import websocket_connect

from conftest import KERNEL_NAME, ROOT

NOTEBOOK = "02-activations"
SCREENSHOT = ROOT / "target" / "browser" / f"{NOTEBOOK}.png"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--window-size=1280,1600", "--remote-debugging-port=0"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(what, check, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.5)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


class DevTools:
    """The few DevTools calls the test needs, over one page's websocket."""

    def __init__(self, connection):
        self.connection = connection
        self.next_id = 0

    async def call(self, method, **params):
        self.next_id += 1
        await self.connection.write_message(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(await self.connection.read_message())
            if message.get("id") == self.next_id:
                assert "error" not in message, f"{method}: {message['error']}"
                return message["result"]

    async def evaluate(self, expression):
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        assert "exceptionDetails" not in result, f"{expression}: {result['exceptionDetails']}"
        return result["result"].get("value")

    async def wait_until(self, what, expression, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if await self.evaluate(expression):
                return
            await asyncio.sleep(0.5)
        raise AssertionError(f"timed out after {timeout} s waiting for {what}")


def prepare_notebook(folder):
    """A copy with outputs cleared (so every chart on the page comes from this run) and the test kernel."""
    nb = nbformat.read(ROOT / "notebooks" / f"{NOTEBOOK}.ipynb", as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    nb.metadata["kernelspec"] = {"name": KERNEL_NAME, "display_name": "Java (nnlab test)", "language": "java"}
    nbformat.write(nb, folder / f"{NOTEBOOK}.ipynb")
    return sum(1 for c in nb.cells if c.cell_type == "code")


async def drive(page_url, code_cells):
    connection = await websocket_connect(page_url, max_message_size=64 << 20)
    devtools = DevTools(connection)
    try:
        await devtools.call("Runtime.enable")
        await devtools.wait_until("the notebook's kernel",
                                  "typeof Jupyter !== 'undefined' && !!Jupyter.notebook && !!Jupyter.notebook.kernel"
                                  " && Jupyter.notebook.kernel.is_connected()", 120)
        await devtools.evaluate("Jupyter.notebook.execute_all_cells(); true")
        await devtools.wait_until("all cells to finish", f"""
            (() => {{
              const code = Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code');
              return code.length === {code_cells}
                && code.every(c => typeof c.input_prompt_number === 'number')
                && document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null;
            }})()""", 600)
        state = await devtools.evaluate("""
            (() => {
              const images = Array.from(document.querySelectorAll('.output_png img'));
              return {
                images: images.length,
                loaded: images.filter(i => i.complete && i.naturalWidth > 0).length,
                errors: Array.from(document.querySelectorAll('.output_error')).map(e => e.innerText),
                stderr: Array.from(document.querySelectorAll('.output_stderr')).map(e => e.innerText),
                checks: document.body.innerText.split('✅ Correct').length - 1
              };
            })()""")
        await devtools.evaluate("document.querySelector('.output_png img').scrollIntoView({block: 'center'}); true")
        await asyncio.sleep(0.5)
        shot = await devtools.call("Page.captureScreenshot", format="png")
        box = await devtools.evaluate("""
            (() => { const r = document.querySelector('.output_png img').getBoundingClientRect();
                     return [r.left, r.top, r.width, r.height]; })()""")
        return state, base64.b64decode(shot["data"]), box
    finally:
        connection.close()


def test_a_notebook_runs_in_jupyter_notebook_and_chromium(tmp_path):
    code_cells = prepare_notebook(tmp_path)
    port, token = free_port(), secrets.token_hex(16)
    log = tmp_path / "jupyter.log"
    server = subprocess.Popen(
        ["jupyter-notebook", "--no-browser", "--ip=127.0.0.1", f"--port={port}", f"--NotebookApp.token={token}",
         f"--notebook-dir={tmp_path}", "--NotebookApp.open_browser=False"]
        + (["--allow-root"] if os.geteuid() == 0 else []),
        stdout=subprocess.DEVNULL, stderr=open(log, "w"), env=os.environ.copy())
    profile = tmp_path / "chromium-profile"
    browser = None
    try:
        base = f"http://127.0.0.1:{port}"
        def answers():
            assert server.poll() is None, f"jupyter-notebook stopped: {log.read_text()}"
            return _answers(f"{base}/api/status?token={token}")
        wait_for("Jupyter to answer", answers, 60)
        browser = subprocess.Popen(["/usr/bin/chromium", *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
                                    f"{base}/notebooks/{NOTEBOOK}.ipynb?token={token}"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        devtools_port = wait_for("Chromium's DevTools port",
                                 lambda: _first_line(profile / "DevToolsActivePort"), 60)
        page = wait_for("the notebook page", lambda: _page(devtools_port, NOTEBOOK), 60)
        state, screenshot, box = asyncio.run(drive(page, code_cells))
    finally:
        if browser:
            browser.terminate()
            browser.wait(30)
        server.terminate()
        server.wait(30)

    assert state["errors"] == [], state["errors"]
    assert state["stderr"] == [], state["stderr"]
    assert state["images"] >= 6 and state["loaded"] == state["images"], state
    assert state["checks"] >= 2, "the exercise solutions' checks pass in the browser too"
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    SCREENSHOT.write_bytes(screenshot)
    # The chart is inside the screenshot and is not blank: its pixels take many colours.
    picture = Image.open(io.BytesIO(screenshot)).convert("RGB")
    left, top, width, height = (int(v) for v in box)
    assert width > 200 and height > 100 and top >= 0 and top + height <= picture.height, box
    chart = picture.crop((left, top, left + width, top + height))
    assert len(set(chart.getdata())) > 20, "the chart area of the screenshot looks blank"


def _answers(url):
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def _first_line(path):
    try:
        lines = path.read_text().splitlines()
        return lines[0] if lines else None
    except OSError:
        return None


def _page(devtools_port, name):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{devtools_port}/json/list", timeout=2) as response:
            targets = json.load(response)
    except OSError:
        return None
    for target in targets:
        if target.get("type") == "page" and name in target.get("url", ""):
            return target["webSocketDebuggerUrl"]
    return None
