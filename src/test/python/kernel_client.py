"""Small helpers to drive the installed kernel through jupyter_client."""
import time
from queue import Empty

from jupyter_client.manager import start_new_kernel

from conftest import KERNEL_NAME


def start(**kwargs):
    return start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=60, **kwargs)


def execute(kc, code, timeout=60, allow_stdin=False):
    """Runs code; returns (reply content, list of (msg_type, content) iopub outputs)."""
    outputs = []
    reply = kc.execute_interactive(code, timeout=timeout, allow_stdin=allow_stdin,
                                   output_hook=lambda m: outputs.append((m["msg_type"], m["content"])))
    outputs = [o for o in outputs if o[0] not in ("status", "execute_input")]
    return reply["content"], outputs


def text_of(outputs, kind="stream"):
    return "".join(c.get("text", "") for t, c in outputs if t == kind)


def result_of(outputs):
    for t, c in outputs:
        if t == "execute_result":
            return c["data"]["text/plain"]
    return None


def drain(kc, seconds=0.2):
    end = time.time() + seconds
    while time.time() < end:
        try:
            kc.get_iopub_msg(timeout=0.05)
        except Empty:
            pass
