"""java -jar nnlab.jar install/uninstall write a kernelspec that Jupyter lists and starts."""
import json
import subprocess
from pathlib import Path

from jupyter_client.kernelspec import KernelSpecManager

from conftest import JAR, KERNEL_NAME, PREFIX


def nnlab(*args, **kwargs):
    return subprocess.run(["java", "-jar", str(JAR), *args], capture_output=True, text=True, **kwargs)


def kernelspecs(jupyter_path):
    out = subprocess.run(["jupyter", "kernelspec", "list", "--json"], capture_output=True, text=True, check=True,
                         env={**__import__("os").environ, "JUPYTER_PATH": str(jupyter_path)})
    return json.loads(out.stdout)["kernelspecs"]


def test_installed_spec_is_listed_with_the_right_settings():
    specs = kernelspecs(PREFIX / "share" / "jupyter")
    assert KERNEL_NAME in specs
    spec = specs[KERNEL_NAME]["spec"]
    assert spec["language"] == "java"
    assert spec["interrupt_mode"] == "message"
    argv = spec["argv"]
    assert "-Djava.awt.headless=true" in argv
    assert argv[argv.index("--add-modules") + 1] == "jdk.incubator.vector"
    assert argv[-1] == "{connection_file}"
    resources = Path(specs[KERNEL_NAME]["resource_dir"])
    assert (resources / "logo-32x32.png").read_bytes()[:4] == b"\x89PNG"
    assert (resources / "logo-64x64.png").read_bytes()[:4] == b"\x89PNG"


def test_reinstall_replaces_and_uninstall_removes(tmp_path):
    prefix = tmp_path / "p"
    first = nnlab("install", "--prefix", str(prefix), "--name", "twice")
    assert first.returncode == 0, first.stderr
    spec_dir = prefix / "share" / "jupyter" / "kernels" / "twice"
    (spec_dir / "stale.txt").write_text("left over from an old install")
    second = nnlab("install", "--prefix", str(prefix), "--name", "twice")
    assert second.returncode == 0, second.stderr
    assert not (spec_dir / "stale.txt").exists()
    assert "twice" in kernelspecs(prefix / "share" / "jupyter")
    assert KernelSpecManager(kernel_dirs=[str(prefix / "share" / "jupyter" / "kernels")]).get_kernel_spec("twice").language == "java"
    removed = nnlab("uninstall", "--prefix", str(prefix), "--name", "twice")
    assert removed.returncode == 0 and "Removed" in removed.stdout
    assert not spec_dir.exists()
    again = nnlab("uninstall", "--prefix", str(prefix), "--name", "twice")
    assert "nothing removed" in again.stdout


def test_user_install_honours_jupyter_data_dir(tmp_path):
    result = nnlab("install", "--user", env={**__import__("os").environ, "JUPYTER_DATA_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "kernels" / "java-nnlab" / "kernel.json").is_file()


def test_bad_command_lines_explain_themselves():
    unknown = nnlab("instal")
    assert unknown.returncode == 2
    assert "unknown command 'instal'" in unknown.stderr and "Usage:" in unknown.stderr
    bad_name = nnlab("install", "--prefix", "/tmp/x", "--name", "a b")
    assert bad_name.returncode == 1
    assert "may only use letters, digits" in bad_name.stderr
