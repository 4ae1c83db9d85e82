#!/usr/bin/python3
"""Kernel benchmark: the nnlab Java kernel against the OS's Python kernel (ipykernel), same run, same machine.

For each kernel: time from starting the process to the kernel_info_reply, latency of the first `1 + 1`,
median latency of a warm trivial cell, resident memory after 1,000 cells, and the first and second
cell that trains the digits network (400-25-15-10, Adam, one epoch of 5,000 examples, batch 32:
nnlab's Sequential.fit, and PyTorch in the Python kernel) after a pause in which the student reads.

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
# Seconds between the data cell and the first training cell, as when a student reads the notebook.
PAUSE_S = 2.0
# Per kernel: a cell that makes the data (not timed) and the training cell (timed twice).
TRAINING = {
    "java": ("""var rnd = new java.util.Random(1);
float[] xs = new float[5000 * 400], ys = new float[5000];
for (int i = 0; i < xs.length; i++) xs[i] = rnd.nextFloat();
for (int i = 0; i < ys.length; i++) ys[i] = rnd.nextInt(10);
Tensor X = Tensor.of(new int[] {5000, 400}, xs), Y = Tensor.of(new int[] {5000}, ys);""",
             """var model = new Sequential(new Dense(25, Activation.RELU), new Dense(15, Activation.RELU), new Dense(10, Activation.LINEAR));
model.compile(new SparseCategoricalCrossentropy(true), new Adam(1e-3));
model.fit(X, Y, new FitOptions().epochs(1).batchSize(32).verbose(0));"""),
    "python": ("""import torch
torch.manual_seed(1)
X, Y = torch.rand(5000, 400), torch.randint(0, 10, (5000,))""",
               """model = torch.nn.Sequential(torch.nn.Linear(400, 25), torch.nn.ReLU(), torch.nn.Linear(25, 15),
                            torch.nn.ReLU(), torch.nn.Linear(15, 10))
opt, loss_fn = torch.optim.Adam(model.parameters(), lr=1e-3), torch.nn.CrossEntropyLoss()
for i in range(0, 5000, 32):
    opt.zero_grad()
    loss_fn(model(X[i:i + 32]), Y[i:i + 32]).backward()
    opt.step()"""),
}


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


def measure(kernel_name, language, cells):
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
        result = {"start": start_s, "first": first_s, "warm": warm, "rss": rss_mb(pid)}
        setup, fit = TRAINING[language]
        try:
            run_cell(kc, setup)
        except RuntimeError as e:  # no PyTorch for the Python kernel
            print(f"[kernel_bench] {kernel_name}: training cells skipped: {e}")
            return result
        time.sleep(PAUSE_S)
        result["fit1"] = run_cell(kc, fit)
        result["fit2"] = run_cell(kc, fit)
        drain(kc)
        return result
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
        for label, kernel, language in (("nnlab (Java)", "nnlab-bench", "java"),
                                        ("ipykernel (Python)", "python3", "python")):
            runs = [measure(kernel, language, args.cells if r == 0 else 2) for r in range(args.rounds)]
            results[label] = {key: statistics.median(r[key] for r in runs)
                              for key in ("start", "first", "fit1", "fit2") if all(key in r for r in runs)}
            results[label].update(warm=runs[0]["warm"], rss=runs[0]["rss"])
        java, python = results["nnlab (Java)"], results["ipykernel (Python)"]
        print(f"{'':30}{'nnlab (Java)':>14}{'ipykernel':>12}{'ratio':>8}{'target':>10}")
        rows = [("start -> kernel_info_reply", "start", 1, "s"), ("first 1 + 1", "first", 1, "s"),
                ("warm trivial cell (median)", "warm", 1000, "ms"), (f"RSS after {args.cells} cells", "rss", 1, "MB"),
                (f"first training cell ({PAUSE_S:g} s on)", "fit1", 1, "s"), ("second training cell", "fit2", 1, "s")]
        for title, key, scale, unit in rows:
            if key not in java:
                continue
            target = (f"  <= {TARGETS[key] * scale:g} {unit} {'ok' if java[key] <= TARGETS[key] else 'MISSED'}"
                      if key in TARGETS else "")
            if key in python:
                print(f"{title:30}{java[key] * scale:>11.3f} {unit:<2}{python[key] * scale:>9.3f} {unit:<2}"
                      f"{java[key] / python[key]:>7.1f}x{target}")
            else:
                print(f"{title:30}{java[key] * scale:>11.3f} {unit:<2}{'skipped':>12}{'':>8}{target}")
        print(f"(cpus: {os.cpu_count()}, load average: {os.getloadavg()[0]:.2f})")
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
