"""Oracle for the revision-file reader: what Alembic itself reads from revision files.

Reads a JSON list of absolute paths on stdin and loads each file exactly as Alembic does
(Script._from_path, which imports the module). Prints a JSON list with, per file, the
normalised attributes (id, down revisions, dependencies, branch labels, doc) or the error.
"""
import contextlib
import io
import json
import sys
import warnings

from alembic import util
from alembic.script.base import Script


class ScriptDirectoryStub:
    """_from_path only asks the script directory whether it is sourceless."""

    sourceless = False


def as_list(value):
    # Alembic tests dependencies and down revisions for truth before it looks them up.
    return list(util.to_tuple(value, default=())) if value else []


def read(path):
    try:
        # Modules run at import time; keep anything they print out of our JSON.
        with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
            warnings.simplefilter("ignore")
            script = Script._from_path(ScriptDirectoryStub(), path)
    except BaseException as error:  # the oracle reports any failure to import
        return {"error": type(error).__name__, "message": str(error)}
    if script is None:
        return {"skipped": True}
    return {
        "id": script.revision,
        "downRevisions": as_list(script.down_revision),
        "dependencies": as_list(script.dependencies),
        "branchLabels": list(script._orig_branch_labels),
        "doc": script.doc,
    }


def main():
    paths = json.load(sys.stdin)
    print(json.dumps([read(path) for path in paths]))


if __name__ == "__main__":
    main()
