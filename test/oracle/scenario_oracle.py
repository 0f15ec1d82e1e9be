"""Oracle for the end-to-end hook scenarios: for each {"ini": path, "section": name} on stdin,
load the project with Alembic, group its heads by branch labels, and run `alembic upgrade` on the
SQLite database the ini names (`head`, or `heads` when the project has several label groups,
such as expand and contract). Prints one JSON line at the end."""
import json
import sys
import warnings

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory


def answer(case):
    config = Config(case["ini"], ini_section=case.get("section", "alembic"))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            script = ScriptDirectory.from_config(config)
            groups = {}
            for head in script.get_heads():
                labels = ",".join(sorted(script.get_revision(head).branch_labels))
                groups.setdefault(labels, []).append(head)
    except Exception as error:  # reported to the test, whatever its type
        return {"error": f"{type(error).__name__}: {error}"}
    target = "head" if len(groups) <= 1 else "heads"
    try:
        command.upgrade(config, target)
        upgrade = "ok"
    except Exception as error:  # reported to the test, whatever its type
        upgrade = f"{type(error).__name__}: {error}"
    return {"groups": groups, "target": target, "upgrade": upgrade}


print(json.dumps([answer(case) for case in json.load(sys.stdin)]))
