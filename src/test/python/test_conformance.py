"""The Jupyter project's kernel conformance suite (jupyter_kernel_test), with every optional sample filled in."""
import unittest

import jupyter_kernel_test

import conftest


class JavaKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = conftest.KERNEL_NAME
    language_name = "java"
    file_extension = ".jsh"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("something went wrong");'

    completion_samples = [
        {"text": "Math.sqr", "matches": {"sqrt("}},
        {"text": "int a = 1;\nMath.abs(a);\nInteger.parseI", "matches": {"parseInt("}},
    ]
    complete_code_samples = ["1 + 1", "int x = 3;", "for (int i = 0; i < 3; i++) {\n}", "%time 1 + 1"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "int y = 1 +", "String s = List.of(1,"]
    invalid_code_samples = ["int q = ;", "}"]

    code_page_something = "Math.max?"
    code_generate_error = 'throw new IllegalStateException("boom");'
    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"con" + "cat"', "result": "concat"},
        {"code": "render(MimeBundle.text(\"x\").with(\"text/html\", \"<i>x</i>\"))", "mime": "text/html", "result": "<i>x</i>"},
    ]
    code_display_data = [
        {"code": 'display(MimeBundle.text("b").with("text/html", "<b>b</b>"));', "mime": "text/html"},
        {"code": 'display("plain");', "mime": "text/plain"},
    ]
    code_history_pattern = "6 * 7"
    supported_history_operations = ("tail", "range", "search")
    code_inspect_sample = "Math.max"
    code_clear_output = "clearOutput();"


if __name__ == "__main__":
    unittest.main()
