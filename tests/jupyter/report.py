"""tests/jupyter/report.py — the suite protocol for the Jupyter tests: one
`ok - name` or `not ok - name: reason` line per check (details indented
below), and a closing `N passed, N failed` line."""
import sys
import traceback


class Report:
    def __init__(self, suite):
        self.suite = suite
        self.passed = 0
        self.failed = 0

    def check(self, ok, name, detail=""):
        if ok:
            self.passed += 1
            print(f"ok - {self.suite}: {name}", flush=True)
        else:
            self.failed += 1
            print(f"not ok - {self.suite}: {name}", flush=True)
            for line in str(detail).splitlines()[:30]:
                print(f"    {line}", flush=True)
        return ok

    def crashed(self, name):
        self.check(False, name, traceback.format_exc())

    def close(self):
        print(f"{self.passed} passed, {self.failed} failed", flush=True)
        sys.stdout.flush()


def outputs(kc, code, timeout=60):
    """Runs code in a kernel; returns (reply content, [(type, content)])."""
    msg_id = kc.execute(code)
    reply = kc.get_shell_msg(timeout=timeout)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=timeout)
    got = []
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind = msg["msg_type"]
        if kind == "status" and msg["content"]["execution_state"] == "idle":
            break
        if kind in ("stream", "display_data", "error", "execute_result"):
            got.append((kind, msg["content"]))
    return reply["content"], got


def stdout_of(got):
    return "".join(c["text"] for k, c in got
                   if k == "stream" and c["name"] == "stdout")
