#!/usr/bin/python3
"""Kernel benchmark: the nnlab Java kernel against the OS's Python kernel (ipykernel), same run, same machine.

For each kernel: time from starting the process to the kernel_info_reply, latency of the first `1 + 1`,
median latency of a warm trivial cell, and resident memory after 1,000 cells.

    /usr/bin/python3 bench/kernel_bench.py [--jar target/nnlab.jar] [--cells 1000] [--rounds 3]

Installs the kernel from the jar into a temporary Jupyter prefix (never the user's own)."""
import argparse
import os
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from jupyter_client.manager import KernelManager

TARGETS = {"start": 1.5, "first": 3.0, "warm": 0.020, "rss": 300.0}


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def run_cell(kc, code):
    start = time.perf_counter()
    msg_id = kc.execute(code)
    while True:
        reply = kc.get_shell_msg(timeout=60)
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    elapsed = time.perf_counter() - start
    if reply["content"]["status"] != "ok":
        raise RuntimeError(f"{code!r} failed: {reply['content']}")
    return elapsed


def drain(kc):
    while True:
        try:
            kc.get_iopub_msg(timeout=0.01)
        except Exception:
            return


def measure(kernel_name, cells):
    km = KernelManager(kernel_name=kernel_name)
    started = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    msg_id = kc.kernel_info()
    while True:
        reply = kc.get_shell_msg(timeout=60)
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    start_s = time.perf_counter() - started
    try:
        first_s = run_cell(kc, "1 + 1")
        times = []
        for i in range(cells - 1):
            times.append(run_cell(kc, "1 + 1"))
            if i % 100 == 0:
                drain(kc)
        drain(kc)
        warm = statistics.median(times[len(times) // 5:])
        pid = km.provisioner.process.pid
        return {"start": start_s, "first": first_s, "warm": warm, "rss": rss_mb(pid)}
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jar", default=str(Path(__file__).resolve().parents[1] / "target" / "nnlab.jar"))
    parser.add_argument("--cells", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3, help="start-up and first cell are the median of this many starts")
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="nnlab-bench-"))
    try:
        os.environ["JUPYTER_PATH"] = str(home / "share" / "jupyter")
        os.environ["JUPYTER_RUNTIME_DIR"] = str(home / "runtime")
        subprocess.run(["java", "-jar", args.jar, "install", "--prefix", str(home), "--name", "nnlab-bench"],
                       check=True, capture_output=True)
        results = {}
        for label, kernel in (("nnlab (Java)", "nnlab-bench"), ("ipykernel (Python)", "python3")):
            runs = [measure(kernel, args.cells if r == 0 else 2) for r in range(args.rounds)]
            results[label] = {
                "start": statistics.median(r["start"] for r in runs),
                "first": statistics.median(r["first"] for r in runs),
                "warm": runs[0]["warm"],
                "rss": runs[0]["rss"],
            }
        java, python = results["nnlab (Java)"], results["ipykernel (Python)"]
        print(f"{'':30}{'nnlab (Java)':>14}{'ipykernel':>12}{'ratio':>8}{'target':>10}")
        rows = [("start -> kernel_info_reply", "start", 1, "s"), ("first 1 + 1", "first", 1, "s"),
                ("warm trivial cell (median)", "warm", 1000, "ms"), (f"RSS after {args.cells} cells", "rss", 1, "MB")]
        for title, key, scale, unit in rows:
            ok = "ok" if java[key] <= TARGETS[key] else "MISSED"
            print(f"{title:30}{java[key] * scale:>11.3f} {unit:<2}{python[key] * scale:>9.3f} {unit:<2}"
                  f"{java[key] / python[key]:>7.1f}x  <= {TARGETS[key] * scale:g} {unit} {ok}")
        print(f"(cpus: {os.cpu_count()}, load average: {os.getloadavg()[0]:.2f})")
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
