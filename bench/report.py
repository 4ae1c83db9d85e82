"""Runs the Java benchmark and the peers (bench/peers.py) in rounds and prints the Markdown that
README's Performance section shows. Called by bench/run after the build; usage: report.py ROUNDS."""
import json
import os
import platform
import subprocess
import sys
import time

# The JVM options of the notebook kernel (kernel-ext/kernel.json), so that speed and memory are
# what a notebook sees.
JAVA_OPTIONS = ["--add-modules", "jdk.incubator.vector", "-XX:+UseSerialGC", "-Xss4m", "-Xms32m"]
JAVA = ["java"] + JAVA_OPTIONS + ["-cp", "target/bench/classes", "nnlab.nn.Bench"]
PEERS = ["/usr/bin/python3", "bench/peers.py"]
PEER_TIMEOUT_S = int(os.environ.get("BENCH_PEER_TIMEOUT", "900"))


def run(cmd, env=None, timeout=None):
    print(f"[bench] {' '.join(cmd[-3:])}", file=sys.stderr, flush=True)
    try:
        out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return [{"skipped": f"timed out after {timeout} s (load average {os.getloadavg()[0]:.1f})"}]
    if out.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{out.stdout}\n{out.stderr}")
    return [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]


def blas_settings():
    """The peers run with OPENBLAS_CORETYPE as the environment sets it (Haswell here), and with it
    and OPENBLAS_L2_SIZE unset, so that OpenBLAS picks its kernel for the CPU itself."""
    as_set = dict(os.environ)
    label = os.environ.get("OPENBLAS_CORETYPE")
    if label is None:
        as_set["OPENBLAS_CORETYPE"] = label = "Haswell"
    unset = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")}
    return [(f"CORETYPE={label}", as_set), ("CORETYPE unset", unset)]


def cpu_model():
    """The CPU's model name, family and model number as Linux reports them (a virtual machine may
    report a bare name such as "AMD EPYC"; family 26 is AMD Zen 5), or the platform's string."""
    fields = {}
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                key, _, value = line.partition(":")
                fields.setdefault(key.strip(), value.strip())
    except OSError:
        return platform.processor() or "unknown CPU"
    return f"{fields.get('model name', 'unknown CPU')}, family {fields.get('cpu family', '?')} model {fields.get('model', '?')}"


def fma_peak():
    """GFLOP/s of bench/fma_peak.c on one core, and summed over one copy per CPU run together."""
    exe = "target/bench/fma_peak"
    if not os.path.exists(exe):
        return None
    print(f"[bench] {exe}", file=sys.stderr, flush=True)
    one = json.loads(subprocess.run([exe], capture_output=True, text=True, check=True).stdout)
    if "skipped" in one:
        return None
    copies = [subprocess.Popen([exe], stdout=subprocess.PIPE, text=True) for _ in range(os.cpu_count())]
    together = sum(json.loads(p.communicate()[0])["gflops"] for p in copies)
    return {"isa": one["isa"], "one": one["gflops"], "all": together}


def best(records, key, lower=False):
    values = [r[key] for r in records if key in r]
    if not values:
        return None
    return min(values) if lower else max(values)


def fmt(v, digits=0):
    return "—" if v is None else f"{v:,.{digits}f}"


def main():
    rounds = int(sys.argv[1])
    settings = blas_settings()
    load_before = os.getloadavg()
    started = time.time()
    peak = fma_peak()
    gemm = run(JAVA + ["gemm", "3"])
    sgemm = {label: run(PEERS + ["gemm", "3"], env, PEER_TIMEOUT_S)[0] for label, env in settings}
    java, peers = [], {}
    for _ in range(rounds):
        java += run(JAVA + ["train", "1"])
        for peer in ("torch", "sklearn"):
            for label, env in settings:
                peers.setdefault((peer, label), []).extend(run(PEERS + [peer, "1"], env, PEER_TIMEOUT_S))
    rss = run(JAVA + ["rss"])[0]["value"]
    load_after = os.getloadavg()

    def java_value(what, lower=False):
        vals = [r["value"] for r in java if r["what"] == what]
        return min(vals) if lower else max(vals)

    j = {"netA_examples_per_s": java_value("Net A"), "netB_examples_per_s": java_value("Net B"),
         "netA_predict_ms": java_value("Net A 10000 rows (ms)", lower=True)}
    java_version = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    print(f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {time.time() - started:.0f} s, "
          f"{rounds} round(s), best of each; {os.cpu_count()} CPUs ({cpu_model()}), load average {load_before[0]:.1f} before "
          f"and {load_after[0]:.1f} after (other work on the machine slows every column).\n")
    cols = [(f"{peer} ({label})", (peer, label)) for peer in ("torch", "sklearn") for label, _ in settings]
    print("| | nnlab | " + " | ".join(c for c, _ in cols) + " |")
    print("|---" * (len(cols) + 2) + "|")
    rows = [("Net A training, examples/s", "netA_examples_per_s", False, 0),
            ("Net B training, examples/s", "netB_examples_per_s", False, 0),
            ("Net A predict 10,000 rows, ms", "netA_predict_ms", True, 2)]
    for title, key, lower, digits in rows:
        cells, ratios = [fmt(j[key], digits)], [""]
        for _, pk in cols:
            pv = best(peers[pk], key, lower)
            cells.append(fmt(pv, digits) if pv is not None else "skipped")
            ratios.append("—" if pv is None else f"{(pv / j[key] if lower else j[key] / pv):.2f}x")
        print(f"| {title} | " + " | ".join(cells) + " |")
        print("| nnlab speed-up | " + " | ".join(ratios) + " |")

    print(f"\n- nnlab: {java_version}, JVM options `{' '.join(JAVA_OPTIONS)}`, Vector API "
          f"{'on' if gemm[0]['vector'] else 'OFF'}, matrix products on up to {gemm[0]['threads']} threads")
    alloc = {r["what"]: r["value"] for r in java if r["kind"] == "alloc"}  # the last round's
    for what, value in alloc.items():
        setup = "" if what.endswith("steady state") else " (whole fit incl. model setup, averaged)"
        print(f"- nnlab {what}{setup}: {value:,.0f}")
    print(f"- nnlab peak RSS while training Net B in a fresh JVM: {rss:.0f} MB")
    for (peer, label), recs in peers.items():
        ok = [r for r in recs if "skipped" not in r]
        if not ok:
            print(f"- {peer} [{label}]: skipped: {recs[-1]['skipped']}")
            continue
        r = ok[-1]
        extra = f"torch.get_num_threads() = {r['threads']}" if peer == "torch" else f"dtype {r.get('dtype')}"
        print(f"- {peer} {r['version']} [{label}]: BLAS {r['blas']}; {extra}; peak RSS {r['max_rss_mb']:.0f} MB")

    print("\nMatrix product `MatMul.gemm` (float32), GFLOP/s, best of 12 after a warm-up, beside OpenBLAS's "
          "`sgemm` through NumPy on the same shapes, transposes and thread counts (Net shapes on 2 threads):\n")
    labels = [label for label, _ in settings]
    print("| product, m×n×k | nnlab | " + " | ".join(f"OpenBLAS ({label})" for label in labels) + " |")
    print("|---" * (len(labels) + 2) + "|")
    for r in gemm:
        peer_cells = []
        for label in labels:
            v = sgemm[label].get("gflops", {}).get(r["what"])
            peer_cells.append(sgemm[label].get("skipped", "—") if v is None else f"{v:.1f}")
        print(f"| {r['what']} | {r['value']:.1f} | " + " | ".join(peer_cells) + " |")
    print()
    for label in labels:
        if "blas" in sgemm[label]:
            print(f"- OpenBLAS [{label}]: {sgemm[label]['blas']}, NumPy {sgemm[label].get('version')}")
    if peak:
        def share(what, limit):
            parts = [f"nnlab {next(r['value'] for r in gemm if r['what'] == what) / limit:.0%}"]
            parts += [f"OpenBLAS [{label}] {sgemm[label]['gflops'][what] / limit:.0%}" for label in labels
                      if what in sgemm[label].get("gflops", {})]
            return ", ".join(parts)
        print(f"- FMA peak (`bench/fma_peak.c`: independent {peak['isa']} FMAs in registers): "
              f"{peak['one']:.0f} GFLOP/s on one core, {peak['all']:.0f} on all {os.cpu_count()} together. "
              f"Share of it on 1024³: one thread {share('1024x1024x1024 (1 thread)', peak['one'])}; "
              f"two threads {share('1024x1024x1024 (2 threads)', peak['all'])}")

    def ok(cond):
        return "met" if cond else "**not met**"
    print("\nTargets:\n")
    for label, _ in settings:
        faster = [best(peers[(p, label)], "netA_examples_per_s") for p in ("torch", "sklearn")]
        faster = max((v for v in faster if v is not None), default=None)
        if faster:
            print(f"- Net A ≥ 2x the faster peer [{label}] ({fmt(faster)} examples/s): "
                  f"{j['netA_examples_per_s'] / faster:.2f}x, {ok(j['netA_examples_per_s'] >= 2 * faster)}")
    for label, _ in settings:
        tb = best(peers[("torch", label)], "netB_examples_per_s")
        if tb:
            print(f"- Net B ≥ 1x torch [{label}]: {j['netB_examples_per_s'] / tb:.2f}x, "
                  f"{ok(j['netB_examples_per_s'] >= tb)}")
    g1 = next(r["value"] for r in gemm if r["what"].endswith("(1 thread)"))
    g2 = next(r["value"] for r in gemm if r["what"].endswith("(2 threads)"))
    def openblas(what):
        values = [f"{sgemm[label]['gflops'][what]:.0f} [{label}]" for label in labels
                  if what in sgemm[label].get("gflops", {})]
        return f" (OpenBLAS: {', '.join(values)})" if values else ""
    print(f"- matrix product 1024³ ≥ 120 GFLOP/s on 1 thread: {g1:.0f}, {ok(g1 >= 120)}"
          f"{openblas('1024x1024x1024 (1 thread)')}; ≥ 250 on 2 threads: {g2:.0f}, {ok(g2 >= 250)}"
          f"{openblas('1024x1024x1024 (2 threads)')}")
    print(f"- Net A predicts 10,000 rows in ≤ 10 ms: {j['netA_predict_ms']:.2f} ms, {ok(j['netA_predict_ms'] <= 10)}")
    print(f"- Net B training peak RSS < 400 MB: {rss:.0f} MB, {ok(rss < 400)}")


if __name__ == "__main__":
    main()
