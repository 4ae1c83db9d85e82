"""Shared set-up for the end-to-end tests: install the kernel from the built jar into a temporary
Jupyter prefix (never the user's own directories) and point Jupyter at it."""
import atexit
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
JAR = Path(os.environ.get("NNLAB_JAR", ROOT / "target" / "nnlab.jar"))
KERNEL_NAME = "java-nnlab-test"

_home = Path(tempfile.mkdtemp(prefix="nnlab-jupyter-"))
atexit.register(shutil.rmtree, _home, ignore_errors=True)
PREFIX = _home / "prefix"

if not JAR.is_file():
    raise RuntimeError(f"{JAR} is missing: build it first with mvn -B package (mvn -B verify does this)")

# Jupyter's own directories go to the temporary home too, so nothing touches the real ones.
os.environ["JUPYTER_PATH"] = str(PREFIX / "share" / "jupyter")
os.environ["JUPYTER_DATA_DIR"] = str(_home / "data")
os.environ["JUPYTER_RUNTIME_DIR"] = str(_home / "runtime")
os.environ["JUPYTER_CONFIG_DIR"] = str(_home / "config")
os.environ["IPYTHONDIR"] = str(_home / "ipython")
os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")

subprocess.run(["java", "-jar", str(JAR), "install", "--prefix", str(PREFIX), "--name", KERNEL_NAME],
               check=True, capture_output=True, text=True)
