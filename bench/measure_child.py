"""Runs one command and reports its wall time and peak RSS as JSON: {"ms": …, "maxrss_kb": …, "status": …}.
os.wait4 gives the child's own resource usage, so this wrapper's start-up is not counted."""
import json
import os
import subprocess
import sys
import time

cwd, *command = sys.argv[1:]
start = time.perf_counter()
child = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
_, status, usage = os.wait4(child.pid, 0)
elapsed = (time.perf_counter() - start) * 1000
stderr = child.stderr.read().decode("utf-8", "replace")
print(json.dumps({"ms": elapsed, "maxrss_kb": usage.ru_maxrss, "status": os.waitstatus_to_exitcode(status), "stderr": stderr[-2000:]}))
