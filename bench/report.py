"""Runs the Java benchmark and the peers (bench/peers.py) in rounds and prints the table that
README's Performance section shows. Called by bench/run after the build."""
import json
import os
import subprocess
import sys
import time

JAVA = ["java", "--add-modules", "jdk.incubator.vector", "-cp", "target/classes:target/bench", "nnlab.nn.Bench"]
PEERS = [sys.executable, "bench/peers.py"]


def run(cmd, env=None):
    out = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{out.stdout}\n{out.stderr}")
    return [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]


def blas_settings():
    """The peers run with OPENBLAS_CORETYPE as the environment sets it (Haswell here), and with it
    and OPENBLAS_L2_SIZE unset, so OpenBLAS picks its kernel for the CPU itself."""
    as_set = dict(os.environ)
    label = os.environ.get("OPENBLAS_CORETYPE")
    if label is None:
        as_set["OPENBLAS_CORETYPE"] = "Haswell"
        label = "Haswell (set by bench; unset in this shell)"
    unset = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")}
    return [(f"OPENBLAS_CORETYPE={label}", as_set), ("OPENBLAS_CORETYPE unset", unset)]


def best(records, key, lower_is_better=False):
    values = [r[key] for r in records if key in r]
    if not values:
        return None
    return min(values) if lower_is_better else max(values)


def fmt(v, digits=0):
    return "—" if v is None else f"{v:,.{digits}f}"


def main():
    rounds = int(sys.argv[1])
    settings = blas_settings()
    load_before = os.getloadavg()
    started = time.time()
    gemm = run(JAVA + ["gemm", "3"])
    java, peers = [], {}
    for _ in range(rounds):
        java += run(JAVA + ["train", "2"])
        for peer in ("torch", "sklearn"):
            for label, env in settings:
                peers.setdefault((peer, label), []).extend(run(PEERS + [peer, "2"], env))
    rss = run(JAVA + ["rss"])[0]["value"]
    load_after = os.getloadavg()

    def java_best(what, lower=False):
        vals = [r["value"] for r in java if r["what"] == what]
        return min(vals) if lower else max(vals)

    j_a, j_b = java_best("Net A"), java_best("Net B")
    j_pred = java_best("Net A 10000 rows (ms)", lower=True)
    threads = gemm[0]["threads"]
    print(f"nnlab: Java {subprocess.run(['java', '-version'], capture_output=True, text=True).stderr.splitlines()[0]}, "
          f"Vector API {'on' if gemm[0]['vector'] else 'OFF'}, {threads} matmul threads; "
          f"{os.cpu_count()} CPUs; load average {load_before[0]:.1f} before, {load_after[0]:.1f} after; "
          f"{rounds} rounds, best of each, {time.time() - started:.0f} s\n")
    cols = [("nnlab (Java)", None)] + [(f"{p} ({label})", (p, label)) for p in ("torch", "sklearn") for label, _ in settings]
    print("| | " + " | ".join(c for c, _ in cols) + " |")
    print("|---" * (len(cols) + 1) + "|")
    rows = [("Net A train, examples/s", "netA_examples_per_s", j_a, False, 0),
            ("Net B train, examples/s", "netB_examples_per_s", j_b, False, 0),
            ("Net A predict 10,000, ms", "netA_predict_ms", j_pred, True, 2)]
    for title, key, jv, lower, digits in rows:
        cells = [fmt(jv, digits)]
        ratios = ["1"]
        for _, pk in cols[1:]:
            recs = peers[pk]
            if any("skipped" in r for r in recs):
                cells.append("skipped")
                ratios.append("—")
                continue
            pv = best(recs, key, lower)
            cells.append(fmt(pv, digits))
            ratios.append("—" if pv is None else f"{(pv / jv if lower else jv / pv):.2f}x")
        print(f"| {title} | " + " | ".join(cells) + " |")
        print(f"| nnlab speed-up | " + " | ".join(ratios) + " |")
    info = []
    for (peer, label), recs in peers.items():
        r = recs[-1]
        if "skipped" in r:
            info.append(f"{peer}: {r['skipped']}")
            continue
        extra = f", torch threads {r['threads']}" if peer == "torch" else f", dtype {r.get('dtype')}"
        info.append(f"{peer} {r['version']} [{label}]: BLAS {r['blas']}{extra}, peak RSS {r['max_rss_mb']:.0f} MB")
    print()
    for line in info:
        print(f"- {line}")

    print("\nMatrix product (MatMul.gemm), GFLOP/s:\n")
    print("| product (m×n×k) | GFLOP/s |")
    print("|---|---|")
    for r in gemm:
        print(f"| {r['what']} | {r['value']:.1f} |")

    torch_env = best(peers[("torch", settings[0][0])], "netA_examples_per_s")
    sk_env = best(peers[("sklearn", settings[0][0])], "netA_examples_per_s")
    torch_b = {label: best(peers[("torch", label)], "netB_examples_per_s") for label, _ in settings}
    g1 = next(r["value"] for r in gemm if r["what"].endswith("(1 thread)"))
    g2 = next(r["value"] for r in gemm if r["what"].endswith("(2 threads)"))
    print("\nTargets:\n")
    faster = max(v for v in (torch_env, sk_env) if v is not None) if (torch_env or sk_env) else None
    check = lambda ok: "met" if ok else "NOT met"
    if faster:
        print(f"- Net A ≥ 2x the faster peer ({fmt(faster)} ex/s): {j_a / faster:.2f}x — {check(j_a >= 2 * faster)}")
    for label, _ in settings:
        if torch_b[label]:
            print(f"- Net B ≥ 1x torch [{label}]: {j_b / torch_b[label]:.2f}x — {check(j_b >= torch_b[label])}")
    print(f"- matmul 1024³ ≥ 120 GFLOP/s on 1 thread: {g1:.0f} — {check(g1 >= 120)}; "
          f"≥ 250 on 2: {g2:.0f} — {check(g2 >= 250)}")
    print(f"- predict 10,000 with Net A ≤ 10 ms: {j_pred:.2f} ms — {check(j_pred <= 10)}")
    print(f"- Net B training peak RSS < 400 MB: {rss:.0f} MB — {check(rss < 400)}")


if __name__ == "__main__":
    main()
