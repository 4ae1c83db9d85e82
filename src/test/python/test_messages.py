"""Message-level behaviour through real Jupyter: streaming, stdin, display updates, completion positions,
is_complete indents, comms and history."""
import time

import pytest

from kernel_client import execute, result_of, start


@pytest.fixture(scope="module")
def kc():
    km, client = start()
    yield client
    client.stop_channels()
    km.shutdown_kernel(now=True)


def test_stdout_is_streamed_while_the_cell_runs(kc):
    arrivals = []
    start_time = time.time()
    kc.execute_interactive('System.out.println("early");\nThread.sleep(1500);\nSystem.out.println("late");',
                           timeout=30, output_hook=lambda m: arrivals.append((time.time() - start_time, m)))
    streams = [(t, m["content"]["text"]) for t, m in arrivals if m["msg_type"] == "stream"]
    assert [text for _, text in streams] == ["early\n", "late\n"]
    # Held back until the end, both lines would arrive together; streamed, they are the sleep apart.
    assert streams[1][0] - streams[0][0] > 1.0


def test_scanner_on_system_in_asks_the_front_end(kc):
    prompts = []

    def answer(msg):
        prompts.append(msg["content"])
        kc.input("Grace")

    outputs = []
    reply = kc.execute_interactive('System.out.print("Name? ");\nString who = new Scanner(System.in).nextLine();\n"Hello " + who',
                                   timeout=30, allow_stdin=True, stdin_hook=answer,
                                   output_hook=lambda m: outputs.append((m["msg_type"], m["content"])))
    assert reply["content"]["status"] == "ok"
    assert len(prompts) == 1
    assert result_of(outputs) == "Hello Grace"


def test_reading_stdin_without_a_front_end_ends_input(kc):
    reply, _ = execute(kc, "new Scanner(System.in).nextLine()", allow_stdin=False)
    assert reply["status"] == "error"
    assert reply["ename"] == "java.util.NoSuchElementException"


def test_update_display_data_and_clear_output_messages(kc):
    reply, outputs = execute(kc, 'String id = display("v1");\nupdateDisplay(id, "v2");\nclearOutput(true);')
    assert reply["status"] == "ok"
    kinds = [t for t, _ in outputs]
    assert kinds == ["display_data", "update_display_data", "clear_output"]
    display_id = outputs[0][1]["transient"]["display_id"]
    assert outputs[1][1]["transient"]["display_id"] == display_id
    assert outputs[1][1]["data"]["text/plain"] == "v2"
    assert outputs[2][1]["wait"] is True


def test_completion_positions_in_a_multi_line_cell(kc):
    execute(kc, "int epochCount = 40;")
    code = "int a = 1;\nint b = epochC + a;\nint c = 3;"
    cursor = code.index("epochC") + len("epochC")
    kc.complete(code, cursor)
    reply = kc.get_shell_msg(timeout=30)["content"]
    assert reply["matches"] == ["epochCount"]
    assert reply["cursor_start"] == code.index("epochC")
    assert reply["cursor_end"] == cursor


def test_is_complete_reports_indent(kc):
    kc.is_complete("for (int i = 0; i < 3; i++) {")
    reply = kc.get_shell_msg(timeout=30)["content"]
    assert reply == {"status": "incomplete", "indent": "    "}
    kc.is_complete("int done = 1;")
    assert kc.get_shell_msg(timeout=30)["content"]["status"] == "complete"


def test_inspect_gives_signatures(kc):
    code = "Math.max(3, 4)"
    kc.inspect(code, cursor_pos=6)
    reply = kc.get_shell_msg(timeout=30)["content"]
    assert reply["found"] is True
    assert "int Math.max(int a, int b)" in reply["data"]["text/plain"]


def test_comm_info_and_unknown_comm_targets(kc):
    kc.comm_info()
    reply = kc.get_shell_msg(timeout=30)["content"]
    assert reply == {"status": "ok", "comms": {}}
    # Opening a comm to a target nobody registered is answered with comm_close, and the kernel carries on.
    msg = kc.session.msg("comm_open", {"comm_id": "c1", "target_name": "no-such-target", "data": {}})
    kc.shell_channel.send(msg)
    reply, outputs = execute(kc, "1 + 1")
    assert result_of(outputs) == "2"


def test_history_returns_executed_cells(kc):
    execute(kc, "int remembered = 3;")
    kc.history(hist_access_type="tail", n=1, output=False, raw=True)
    reply = kc.get_shell_msg(timeout=30)["content"]
    assert reply["status"] == "ok"
    assert reply["history"][-1][2] == "int remembered = 3;"


def test_restart_gives_a_fresh_kernel():
    km, client = start()
    try:
        execute(client, "int beforeRestart = 1;")
        km.restart_kernel(now=False)
        client.wait_for_ready(timeout=60)
        reply, _ = execute(client, "beforeRestart")
        assert reply["status"] == "error" and "cannot find symbol" in reply["evalue"]
        reply, outputs = execute(client, "2 + 2")
        assert result_of(outputs) == "4"
    finally:
        client.stop_channels()
        km.shutdown_kernel(now=True)


def test_silent_and_unstored_cells_take_no_execution_count(kc):
    first, _ = execute(kc, "int counted = 1;")
    kc.execute("counted += 1;", silent=True)
    kc.get_shell_msg(timeout=30)
    kc.execute("counted += 1;", store_history=False)
    kc.get_shell_msg(timeout=30)
    reply, outputs = execute(kc, "counted")
    assert reply["execution_count"] == first["execution_count"] + 1
    assert result_of(outputs) == "3", "the silent and unstored cells still ran"
