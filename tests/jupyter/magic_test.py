"""tests/jupyter/magic_test.py — %%mgrad and %mgrad in the stock Python
kernel (Debian's "python3", /usr/bin/python3), driven by jupyter_client:
the extension loads, cells and lines share one mgrad session, graphs and
charts are display data, an mgrad error is a Jupyter error with mgrad's
message and caret, an interrupt stops a running cell and keeps the
bindings, and Python's own state is untouched.
"""
import html
import re
import time

from jupyter_client.manager import start_new_kernel

from report import Report, outputs, stdout_of

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def main():
    report = Report("magic")
    try:
        km, kc = start_new_kernel(kernel_name="python3")
    except Exception:
        report.crashed("the python3 kernel starts")
        report.close()
        return
    try:
        checks(report, km, kc)
    except Exception:
        report.crashed("the magic's checks ran to the end")
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    report.close()


def checks(report, km, kc):
    reply, got = outputs(kc, "%load_ext mgrad_kernel\nanswer = 6 * 7")
    report.check(reply["status"] == "ok", "%load_ext mgrad_kernel", got)

    reply, got = outputs(kc, "%%mgrad\na = 2; b = -3; c = 10;\n"
                             "L = a*b + c\nbackward L")
    report.check(stdout_of(got) == "L = 4\ndL/da = -3\ndL/db = 2\n"
                                   "dL/dc = 1\n",
                 "%%mgrad runs a cell", got)

    reply, got = outputs(kc, "%mgrad print L.data, a.grad")
    report.check(stdout_of(got) == "4 -3\n",
                 "%mgrad runs a line in the same session", got)

    reply, got = outputs(kc, "%%mgrad\ndot L")
    svgs = [html.unescape(c["data"]["image/svg+xml"]) for k, c in got
            if k == "display_data" and "image/svg+xml" in c["data"]]
    report.check(len(svgs) == 1 and svgs[0].startswith("<svg") and
                 ">a*b<" in svgs[0] and ">grad -3<" in svgs[0],
                 "dot L shows the graph as SVG", got)

    reply, got = outputs(kc, "%%mgrad\nplot [4, 2, 1, 0.5]")
    report.check(any(k == "display_data" and "image/png" in c["data"]
                     for k, c in got), "plot shows a PNG chart", got)

    reply, got = outputs(kc, "%%mgrad\nx = 1\ny = log(x - 1)")
    errors = [c for k, c in got if k == "error"]
    text = ANSI.sub("", "\n".join(errors[0]["traceback"])) if errors else ""
    report.check(reply["status"] == "error" and len(errors) == 1 and
                 errors[0]["ename"] == "MgradError" and
                 "mgrad[" in text and "2:5: error: log:" in text and
                 "y = log(x - 1)" in text and "^~~~~~~~~~" in text,
                 "an mgrad error is a Jupyter error with its caret", got)

    msg_id = kc.execute("%%mgrad\ni = 0;\nwhile 1 { i = i + 1; }")
    time.sleep(1.5)
    start = time.monotonic()
    km.interrupt_kernel()
    reply = kc.get_shell_msg(timeout=30)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=30)
    latency = time.monotonic() - start
    print(f"# magic interrupt: the reply came {latency:.3f} s after the "
          f"interrupt request", flush=True)
    report.check(reply["content"]["status"] == "error" and latency < 5,
                 "an interrupt stops a running %%mgrad cell",
                 reply["content"])
    time.sleep(0.2)
    reply, got = outputs(kc, "%mgrad print a.data, i > 1000")
    report.check(stdout_of(got) == "2 1\n",
                 "the bindings survive the interrupt", got)

    reply, got = outputs(kc, "print(answer)")
    report.check(stdout_of(got) == "42\n", "Python's own state is untouched",
                 got)


if __name__ == "__main__":
    main()
