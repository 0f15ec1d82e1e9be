"""Oracle for whole Alembic projects: for each {"ini": path} on stdin, load the project with
Alembic's own ScriptDirectory (importing every revision file) and print its heads, real heads,
bases and real bases, or the exception Alembic raised."""
import json
import sys
import warnings

from alembic.config import Config
from alembic.script import ScriptDirectory


def answer(ini):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            script = ScriptDirectory.from_config(Config(ini))
            revision_map = script.revision_map
            return {
                "heads": list(revision_map.heads),
                "real_heads": list(revision_map._real_heads),
                "bases": list(revision_map.bases),
                "real_bases": list(revision_map._real_bases),
            }
    except Exception as error:  # the test compares the failure, whatever its type
        return {"error": type(error).__name__, "message": str(error)}


print(json.dumps([answer(case["ini"]) for case in json.load(sys.stdin)]))
