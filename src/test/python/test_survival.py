"""The kernel survives what students (and broken clients) throw at it. Each case checks the kernel still
answers afterwards and that earlier state is kept."""
import hashlib
import hmac
import json
import time
import uuid

import pytest
import zmq
from jupyter_client.session import Session

from kernel_client import drain, execute, result_of, start, text_of


@pytest.fixture(scope="module")
def kernel():
    km, kc = start()
    reply, _ = execute(kc, "int survivor = 7;")
    assert reply["status"] == "ok"
    yield km, kc
    kc.stop_channels()
    km.shutdown_kernel(now=True)


def still_alive(kc):
    reply, outputs = execute(kc, "survivor * 6")
    assert reply["status"] == "ok", reply
    assert result_of(outputs) == "42"


def test_thrown_exception(kernel):
    _, kc = kernel
    reply, outputs = execute(kc, "int[] a = new int[2];\nint oops = a[5];")
    assert reply["status"] == "error"
    assert reply["ename"] == "java.lang.ArrayIndexOutOfBoundsException"
    traceback = "\n".join(reply["traceback"])
    assert "line 2" in traceback
    assert "nnlab.kernel" not in traceback and "jdk.jshell" not in traceback and "reflect" not in traceback
    still_alive(kc)


def test_compile_error(kernel):
    _, kc = kernel
    reply, _ = execute(kc, "int ok = 1;\nString s = ok.length();")
    assert reply["status"] == "error"
    assert reply["ename"] == "CompileError"
    assert "int cannot be dereferenced" in reply["evalue"]
    assert "line 2, column 12" in reply["traceback"][0]
    still_alive(kc)


def test_stack_overflow(kernel):
    _, kc = kernel
    reply, _ = execute(kc, "int depth(int n) { return depth(n + 1) + 1; }\ndepth(0)")
    assert reply["status"] == "error"
    assert reply["ename"] == "java.lang.StackOverflowError"
    traceback = "\n".join(reply["traceback"])
    assert "depth (cell" in traceback and "repeated" in traceback
    assert len(reply["traceback"]) < 40, "deep recursion must be folded, not listed frame by frame"
    still_alive(kc)


def test_out_of_memory_from_a_huge_allocation(kernel):
    _, kc = kernel
    reply, _ = execute(kc, "long[] huge = new long[Integer.MAX_VALUE - 8];")
    assert reply["status"] == "error"
    assert reply["ename"] == "java.lang.OutOfMemoryError"
    still_alive(kc)
    reply, outputs = execute(kc, "double[] fine = new double[1_000_000];\nfine.length")
    assert result_of(outputs) == "1000000"


def test_system_exit_is_refused_with_a_clear_message(kernel):
    km, kc = kernel
    reply, _ = execute(kc, "System.exit(0);")
    assert reply["status"] == "error"
    assert "System.exit(0) is disabled in a notebook" in reply["evalue"]
    assert km.is_alive()
    still_alive(kc)


def test_message_with_wrong_signature_is_ignored(kernel):
    km, kc = kernel
    forger = Session(key=b"not-the-kernel-key", username="forger")
    msg = forger.msg("execute_request", content={
        "code": 'System.out.println("FORGED");', "silent": False, "store_history": True,
        "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
    forger.send(kc.shell_channel.socket, msg)
    with pytest.raises(Exception):
        kc.get_shell_msg(timeout=2)
    reply, outputs = execute(kc, "survivor")
    assert "FORGED" not in text_of(outputs)
    assert result_of(outputs) == "7"


def test_malformed_messages_are_ignored(kernel):
    km, kc = kernel
    info = km.get_connection_info()
    key = info["key"] if isinstance(info["key"], bytes) else info["key"].encode()
    socket = zmq.Context.instance().socket(zmq.DEALER)
    socket.linger = 0
    socket.connect(f"{info['transport']}://{info['ip']}:{info['shell_port']}")
    try:
        socket.send_multipart([b"<IDS|MSG>", b"abc"])  # frames missing
        socket.send_multipart([b"no delimiter at all"])
        header = json.dumps({"msg_id": str(uuid.uuid4()), "msg_type": "execute_request", "username": "x",
                             "session": "y", "date": "2024-01-01T00:00:00Z", "version": "5.3"}).encode()
        parts = [header, b"{}", b"{}", b"{ this is not json"]
        signature = hmac.new(key, b"".join(parts), hashlib.sha256).hexdigest().encode()
        socket.send_multipart([b"<IDS|MSG>", signature] + parts)  # signed but broken JSON
        time.sleep(0.5)
    finally:
        socket.close()
    still_alive(kc)
    msg_id = kc.kernel_info()
    assert kc.get_shell_msg(timeout=10)["parent_header"]["msg_id"] == msg_id


def test_printing_100_megabytes_is_truncated_and_the_kernel_stays_responsive(kernel):
    _, kc = kernel
    code = 'String row = "x".repeat(99);\nfor (int i = 0; i < 1_000_000; i++) System.out.println(row);'
    started = time.time()
    reply, outputs = execute(kc, code, timeout=120)
    elapsed = time.time() - started
    assert reply["status"] == "ok"
    shown = text_of(outputs)
    assert len(shown) < 5 * 1024 * 1024, "the notebook must not receive 100 MB"
    assert "output truncated" in shown
    print(f"100 MB print: {elapsed:.1f} s")
    still_alive(kc)


def test_a_thousand_cells_do_not_grow_memory_without_bound(kernel):
    """A student re-running a notebook's cells: declarations, expressions, prints, a method, a display."""
    _, kc = kernel
    cells = [
        "int n = {i};",
        "n * 2",
        "double[] xs = new double[1000];\nfor (int j = 0; j < xs.length; j++) xs[j] = j * 0.5;",
        "Arrays.stream(xs).sum()",
        'System.out.println("cell " + n);',
        "double scale(double v) { return v * n; }",
        "scale(1.5)",
        'display("progress " + n);',
        'String label = "run " + n;\nlabel.length()',
        "List<Integer> seen = new ArrayList<>();\nfor (int k = 0; k < 10; k++) seen.add(k);\nseen.size()",
    ]
    heap = "System.gc();\nRuntime rt = Runtime.getRuntime();\n(rt.totalMemory() - rt.freeMemory()) / 1024"

    def run_cells(first, last):
        for i in range(first, last):
            kc.execute(cells[i % len(cells)].replace("{i}", str(i)))
            reply = kc.get_shell_msg(timeout=60)
            assert reply["content"]["status"] == "ok", reply["content"]
            if i % 50 == 0:
                drain(kc, 0.01)
        drain(kc)

    def live_heap_kb():
        _, outputs = execute(kc, heap)
        return int(result_of(outputs))

    run_cells(0, 200)
    after_200 = live_heap_kb()
    run_cells(200, 1000)
    after_1000 = live_heap_kb()
    per_cell_kb = (after_1000 - after_200) / 800
    print(f"live heap after 200 cells {after_200} KB, after 1000 cells {after_1000} KB, {per_cell_kb:.1f} KB per cell")
    # JShell keeps a small record of every snippet (its source and wrapper); output buffers, threads,
    # values and displays must not pile up on top of that.
    assert per_cell_kb < 20
    still_alive(kc)
