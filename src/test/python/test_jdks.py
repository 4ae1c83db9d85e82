"""The interrupt works on every JDK installed here: on Java 17 and on JDKs where Thread.stop is gone
(the kernel instruments cell bytecode instead)."""
import glob
import os
import subprocess
import threading
import time

import pytest
from jupyter_client.manager import start_new_kernel

from conftest import JAR
from kernel_client import execute, result_of

# Every JDK on this machine whose major version is 17 or later.
JDKS = sorted(p for p in glob.glob("/usr/lib/jvm/*/bin/java") if not os.path.islink(os.path.dirname(os.path.dirname(p))))


@pytest.mark.parametrize("java", JDKS)
def test_interrupt_on_each_jdk(java, tmp_path):
    version = subprocess.run([java, "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    name = "java-nnlab-jdk"
    subprocess.run([java, "-jar", str(JAR), "install", "--prefix", str(tmp_path), "--name", name],
                   check=True, capture_output=True, text=True)
    old = os.environ["JUPYTER_PATH"]
    os.environ["JUPYTER_PATH"] = str(tmp_path / "share" / "jupyter")
    try:
        km, kc = start_new_kernel(kernel_name=name, startup_timeout=60)
    finally:
        os.environ["JUPYTER_PATH"] = old
    try:
        reply, outputs = execute(kc, 'int kept = 5;\nSystem.getProperty("java.version")')
        assert reply["status"] == "ok"
        print(version, "->", result_of(outputs))
        timer = threading.Timer(1.0, km.interrupt_kernel)
        timer.start()
        started = time.time()
        reply, _ = execute(kc, "long n = 0;\nwhile (true) { n++; }", timeout=30)
        assert reply["ename"] == "Interrupted"
        assert time.time() - started < 3.0
        _, outputs = execute(kc, "kept")
        assert result_of(outputs) == "5"
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
