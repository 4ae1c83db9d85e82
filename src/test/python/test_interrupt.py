"""An interrupt from Jupyter (KernelManager.interrupt_kernel, interrupt_mode=message) stops a tight loop."""
import threading
import time

from kernel_client import execute, result_of, start


def test_interrupt_stops_tight_loop_and_keeps_variables():
    km, kc = start()
    try:
        reply, _ = execute(kc, "int kept = 41;")
        assert reply["status"] == "ok"
        timer = threading.Timer(1.0, km.interrupt_kernel)
        timer.start()
        started = time.time()
        reply, outputs = execute(kc, "while (true) {}", timeout=30)
        elapsed = time.time() - started
        assert reply["status"] == "error"
        assert reply["ename"] == "Interrupted"
        assert elapsed < 1.0 + 2.0, f"the loop took {elapsed:.1f}s to stop"
        reply, outputs = execute(kc, "kept + 1")
        assert reply["status"] == "ok"
        assert result_of(outputs) == "42"
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
