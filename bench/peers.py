"""Peer timings for bench/run: the same networks and data shapes as the Java benchmark, trained
with PyTorch and with scikit-learn's MLPClassifier. Prints one JSON object per line.

usage: peers.py torch|sklearn|gemm [repeats] [nets, e.g. AB]
"gemm" times OpenBLAS's sgemm (through NumPy) on the matrix products that nnlab.nn.Bench times.
A peer that is not installed prints {"peer": ..., "skipped": "<reason>"} and nothing else.
"""
import json
import resource
import sys
import time

import numpy as np

NETS = {
    # name: (layer widths, batch size, epochs, examples)
    "A": ((400, 25, 15, 10), 32, 40, 5000),
    "B": ((784, 512, 512, 10), 256, 5, 10000),
}
PREDICT_A = 10000


def data(widths, examples, seed):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((examples, widths[0]), dtype=np.float32)
    y = rng.integers(0, widths[-1], examples)
    return x, y


def blas_kernel():
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return "threadpoolctl missing"
    found = [f"{i.get('internal_api')} {i.get('version')} {i.get('architecture')} x{i.get('num_threads')}"
             for i in threadpool_info() if i.get("user_api") == "blas"]
    return "; ".join(found) or "no BLAS loaded"


def best_of(repeats, run):
    return min(run() for _ in range(repeats))


def torch_peer(repeats, nets):
    import torch
    from torch import nn
    torch.set_num_threads(2)
    out = {"peer": "torch", "version": torch.__version__, "threads": torch.get_num_threads()}
    for name, (widths, batch, epochs, examples) in NETS.items():
        if name not in nets:
            continue
        x_np, y_np = data(widths, examples, 1)
        x, y = torch.from_numpy(x_np), torch.from_numpy(y_np)
        layers = []
        for i in range(len(widths) - 1):
            layers.append(nn.Linear(widths[i], widths[i + 1]))
            if i < len(widths) - 2:
                layers.append(nn.ReLU())

        def train(epochs):
            torch.manual_seed(0)
            model = nn.Sequential(*[type(l)(l.in_features, l.out_features) if isinstance(l, nn.Linear) else nn.ReLU()
                                    for l in layers])
            opt = torch.optim.Adam(model.parameters(), lr=1e-3, eps=1e-7)
            loss_fn = nn.CrossEntropyLoss()
            start = time.perf_counter()
            for _ in range(epochs):
                order = torch.randperm(examples)
                for s in range(0, examples, batch):
                    idx = order[s:s + batch]
                    opt.zero_grad(set_to_none=True)
                    loss = loss_fn(model(x[idx]), y[idx])
                    loss.backward()
                    opt.step()
            return time.perf_counter() - start, model

        train(1)  # warm-up: allocator, kernels, thread pool
        seconds = best_of(repeats, lambda: train(epochs)[0])
        out[f"net{name}_examples_per_s"] = epochs * examples / seconds
        if name == "A":
            _, model = train(1)
            xp = torch.from_numpy(data(widths, PREDICT_A, 2)[0])
            with torch.no_grad():
                model(xp)

                def predict():
                    start = time.perf_counter()
                    model(xp)
                    return time.perf_counter() - start
                out["netA_predict_ms"] = 1000 * best_of(20, predict)
    out["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def sklearn_peer(repeats, nets):
    import sklearn
    from sklearn.neural_network import MLPClassifier
    import warnings
    from sklearn.exceptions import ConvergenceWarning
    warnings.simplefilter("ignore", ConvergenceWarning)
    out = {"peer": "sklearn", "version": sklearn.__version__}
    for name, (widths, batch, epochs, examples) in NETS.items():
        if name not in nets:
            continue
        x, y = data(widths, examples, 1)

        def train(epochs):
            model = MLPClassifier(hidden_layer_sizes=widths[1:-1], activation="relu", solver="adam",
                                  learning_rate_init=1e-3, epsilon=1e-7, alpha=0.0, batch_size=batch,
                                  max_iter=epochs, shuffle=True, tol=0.0, n_iter_no_change=10 ** 9,
                                  random_state=0)
            start = time.perf_counter()
            model.fit(x, y)
            return time.perf_counter() - start, model

        train(1)
        seconds = best_of(repeats, lambda: train(epochs)[0])
        out[f"net{name}_examples_per_s"] = epochs * examples / seconds
        if name == "A":
            _, model = train(1)
            out["dtype"] = str(model.coefs_[0].dtype)
            xp = data(widths, PREDICT_A, 2)[0]

            def predict():
                start = time.perf_counter()
                model.predict_proba(xp)
                return time.perf_counter() - start
            out["netA_predict_ms"] = 1000 * best_of(20, predict)
    out["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def gemm_shapes():
    """(label, threads, transA, transB, m, n, k), labelled as nnlab.nn.Bench labels them."""
    yield "1024x1024x1024 (1 thread)", 1, False, False, 1024, 1024, 1024
    yield "1024x1024x1024 (2 threads)", 2, False, False, 1024, 1024, 1024
    for name in "AB":
        widths, batch = NETS[name][0], NETS[name][1]
        for l in range(len(widths) - 1):
            i, o = widths[l], widths[l + 1]
            yield f"Net {name} L{l + 1} x·W {batch}x{o}x{i}", 2, False, False, batch, o, i
            yield f"Net {name} L{l + 1} xᵀ·dz {i}x{o}x{batch}", 2, True, False, i, o, batch
            if l > 0:
                yield f"Net {name} L{l + 1} dz·Wᵀ {batch}x{i}x{o}", 2, False, True, batch, i, o


def gemm_peer(repeats, nets):
    from threadpoolctl import threadpool_limits
    rng = np.random.default_rng(1)
    out = {"peer": "gemm", "version": np.__version__, "gflops": {}}
    for what, threads, trans_a, trans_b, m, n, k in gemm_shapes():
        # Stored as nnlab stores them; a transposed view makes NumPy pass the transpose flag to sgemm.
        a = rng.standard_normal((k, m) if trans_a else (m, k), dtype=np.float32)
        b = rng.standard_normal((n, k) if trans_b else (k, n), dtype=np.float32)
        a, b = (a.T if trans_a else a), (b.T if trans_b else b)
        c = np.empty((m, n), dtype=np.float32)
        calls = max(1, int(2e8 / (2 * m * n * k)))

        def timed():
            start = time.perf_counter()
            for _ in range(calls):
                np.matmul(a, b, out=c)
            return (time.perf_counter() - start) / calls
        with threadpool_limits(threads, user_api="blas"):
            warm_until = time.perf_counter() + 0.5
            while time.perf_counter() < warm_until:
                timed()
            out["gflops"][what] = 2 * m * n * k / best_of(4 * repeats, timed) / 1e9
    return out


def main():
    peer = sys.argv[1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    nets = sys.argv[3] if len(sys.argv) > 3 else "AB"
    run = {"torch": torch_peer, "sklearn": sklearn_peer, "gemm": gemm_peer}[peer]
    try:
        result = run(repeats, nets)
    except ImportError as e:
        result = {"peer": peer, "skipped": f"not installed ({e})"}
    result["blas"] = blas_kernel()
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
