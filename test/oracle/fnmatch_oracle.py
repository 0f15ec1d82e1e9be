"""Oracle for one glob segment: Python's fnmatch.fnmatchcase for each {"pattern", "name"} on stdin."""
import fnmatch
import json
import sys

print(json.dumps([fnmatch.fnmatchcase(case["name"], case["pattern"]) for case in json.load(sys.stdin)]))
