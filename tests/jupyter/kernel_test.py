"""tests/jupyter/kernel_test.py — the kernel "mgrad" through Jupyter's
messaging, with jupyter_kernel_test's KernelTests (kernel info, execute,
stderr, completion, is_complete, inspect, error, display data), plus an
interrupt of a running cell (its latency printed, the bindings kept),
state across cells, and the error's message and caret.

Run by tests/jupyter/run.sh, which makes the kernel spec "mgrad-test".
"""
import html
import time
import unittest

import jupyter_kernel_test

from report import Report, outputs, stdout_of

KERNEL = "mgrad-test"


class MgradKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = KERNEL
    language_name = "mgrad"
    file_extension = ".mg"

    code_hello_world = 'print "hello, world"'
    code_stderr = "x = 1e308; y = x * 10"
    completion_samples = [
        {"text": "backw", "matches": {"backward"}},
        {"text": "sigm", "matches": {"sigmoid"}},
        {"text": "L = 2; L.gr", "matches": {"grad"}},
    ]
    complete_code_samples = ["a = 1", "if 1 { a = 2 }", "print (1 + 2)"]
    incomplete_code_samples = ["if 1 {", "a = (1 +", "xs = [1,\n2,"]
    code_generate_error = "x = log(0)"
    code_display_data = [
        {"code": "a = 2; b = -3; L = a*b; dot L", "mime": "image/svg+xml"},
        {"code": "a = Value(2.0); L = a*a; draw_dot(L)",
         "mime": "image/svg+xml"},
        {"code": "x = 3; f = 3*x^2 - 4*x + 5; plot f, x = -5..5",
         "mime": "image/png"},
        {"code": "plot [4, 2, 1, 0.5]", "mime": "image/png"},
    ]
    code_inspect_sample = "tanh"

    def test_state_across_cells(self):
        self.flush_channels()
        outputs(self.kc, "a = 2; b = -3; c = 10;")
        outputs(self.kc, "L = a*b + c;")
        reply, got = outputs(self.kc, "backward L")
        self.assertEqual(reply["status"], "ok")
        self.assertEqual(stdout_of(got), "dL/da = -3\ndL/db = 2\ndL/dc = 1\n")

    def test_error_message_and_caret(self):
        self.flush_channels()
        reply, got = outputs(self.kc, "a = 1\nx = log(a - 1)")
        self.assertEqual(reply["status"], "error")
        errors = [c for k, c in got if k == "error"]
        self.assertEqual(len(errors), 1)
        text = "\n".join(errors[0]["traceback"])
        self.assertRegex(errors[0]["evalue"],
                         r"^In\[\d+\]:2:5: error: log: log of a number "
                         r"that is not positive \(0\)$")
        self.assertIn("x = log(a - 1)", text)
        self.assertIn("^~~~~~~~~~", text)

    def test_graph_svg_has_labels(self):
        self.flush_channels()
        reply, got = outputs(self.kc, "a = 2; b = -3; c = 10; "
                                      "L = a*b + c; backward L; dot L")
        svgs = [c["data"]["image/svg+xml"] for k, c in got
                if k == "display_data" and "image/svg+xml" in c["data"]]
        self.assertEqual(len(svgs), 1)
        self.assertTrue(svgs[0].startswith("<svg"))
        svg = html.unescape(svgs[0])
        for label in ("a*b", "data -6", "grad -3", "data 10"):
            self.assertIn(f">{label}<", svg)

    def test_draw_dot_is_dot_picture(self):
        """The lecture's draw_dot(o) after its neuron cell shows the SVG
        that dot o shows."""
        self.flush_channels()
        outputs(self.kc, "x1 = Value(2.0, label='x1')\n"
                         "x2 = Value(0.0, label='x2')\n"
                         "w1 = Value(-3.0, label='w1')\n"
                         "w2 = Value(1.0, label='w2')\n"
                         "b = Value(6.8813735870195432, label='b')\n"
                         "x1w1 = x1*w1; x1w1.label = 'x1*w1'\n"
                         "x2w2 = x2*w2; x2w2.label = 'x2*w2'\n"
                         "x1w1x2w2 = x1w1 + x2w2; "
                         "x1w1x2w2.label = 'x1*w1 + x2*w2'\n"
                         "n = x1w1x2w2 + b; n.label = 'n'\n"
                         "o = n.tanh(); o.label = 'o'\n"
                         "o.backward()")
        pictures = []
        for code in ("draw_dot(o)", "dot o"):
            reply, got = outputs(self.kc, code)
            self.assertEqual(reply["status"], "ok")
            svgs = [c["data"]["image/svg+xml"] for k, c in got
                    if k == "display_data" and "image/svg+xml" in c["data"]]
            self.assertEqual(len(svgs), 1, code)
            self.assertTrue(svgs[0].startswith("<svg"))
            self.assertEqual(stdout_of(got), "", code)
            pictures.append(svgs[0])
        self.assertEqual(pictures[0], pictures[1])
        svg = html.unescape(pictures[0])
        for label in ("x1*w1 + x2*w2", "grad -1.5", "tanh"):
            self.assertIn(f">{label}<", svg)

    def test_completion_of_bound_names(self):
        self.flush_channels()
        outputs(self.kc, "zz_first = 1; zz_second = 2;")
        self.kc.complete("y = zz_f + zz_s", 8)
        reply = self.get_non_kernel_info_reply(timeout=30)
        self.assertEqual(reply["content"]["matches"], ["zz_first"])
        self.assertEqual(reply["content"]["cursor_start"], 4)
        self.assertEqual(reply["content"]["cursor_end"], 8)

    def test_inspect_is_help(self):
        self.flush_channels()
        self.kc.inspect("L = x.tanh()", 7)
        reply = self.get_non_kernel_info_reply(timeout=30)
        self.assertTrue(reply["content"]["found"])
        self.assertIn("hyperbolic tangent",
                      reply["content"]["data"]["text/plain"])

    def test_interrupt(self):
        self.flush_channels()
        outputs(self.kc, "kept = 42; i = 0;")
        msg_id = self.kc.execute("while 1 { i = i + 1; }")
        time.sleep(1.0)
        start = time.monotonic()
        self.km.interrupt_kernel()
        reply = self.kc.get_shell_msg(timeout=30)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=30)
        latency = time.monotonic() - start
        print(f"# interrupt: the cell's reply came {latency:.3f} s after "
              f"the interrupt request", flush=True)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "Interrupted")
        self.assertLess(latency, 5.0)
        self.flush_channels()
        reply, got = outputs(self.kc, "print kept, i > 1000")
        self.assertEqual(stdout_of(got), "42 1\n")


NAMES = ["test_kernel_info", "test_execute_stdout", "test_execute_stderr",
         "test_completion", "test_is_complete", "test_inspect",
         "test_error", "test_display_data", "test_state_across_cells",
         "test_error_message_and_caret", "test_graph_svg_has_labels",
         "test_draw_dot_is_dot_picture",
         "test_inspect_is_help", "test_completion_of_bound_names",
         "test_interrupt"]


class Result(unittest.TestResult):
    def __init__(self, report):
        super().__init__()
        self.report = report
        self.bad = {}

    def addError(self, test, err):
        name = getattr(test, "_testMethodName", None)
        if name is None:   # setUpClass: the kernel did not start
            self.report.check(False, "the kernel starts",
                              self._exc_info_to_string(err, test))
        else:
            self.bad[name] = self._exc_info_to_string(err, test)

    addFailure = addError

    def addSubTest(self, test, subtest, err):
        if err is not None:
            self.bad[test._testMethodName] = self._exc_info_to_string(err,
                                                                      test)

    def addSkip(self, test, reason):
        self.bad[test._testMethodName] = f"skipped: {reason}"

    def stopTest(self, test):
        name = test._testMethodName
        self.report.check(name not in self.bad, name, self.bad.get(name, ""))
        super().stopTest(test)


def main():
    report = Report("kernel")
    suite = unittest.TestSuite(MgradKernelTests(name) for name in NAMES)
    result = Result(report)
    suite.run(result)
    report.close()


if __name__ == "__main__":
    main()
