"""Oracle for the revision-graph differential test.

Reads JSON lines on stdin, one graph per line: a list of revisions
{"id", "down", "depends_on", "branch_labels"} (lists of strings) in load order, or an object
{"revisions": [...], "symbols": [...]} to also resolve head symbols. Builds
alembic.script.revision.RevisionMap from them the way ScriptDirectory does (a one-entry
down_revision is a plain string, an empty one None), and prints one JSON line per graph:
{"heads", "real_heads", "bases", "real_bases", "labels": {id: sorted propagated labels}} plus
"symbols": {symbol: {"ok": [ids]} or {"error": class}} when asked, or
{"error": exception class, "message": str(exception), "args": exception args} when Alembic
fails. Warnings (duplicate ids, missing revisions) are silenced.
"""
import json
import sys
import warnings

from alembic.script.revision import Revision, RevisionMap


def scalar(values):
    if not values:
        return None
    if len(values) == 1:
        return values[0]
    return tuple(values)


def resolve(revision_map, symbol):
    try:
        return {"ok": [revision.revision for revision in revision_map.get_revisions(symbol)]}
    except Exception as error:  # the class is the answer
        return {"error": type(error).__name__, "message": str(error)}


def build(spec, symbols):
    revisions = [
        Revision(
            entry["id"],
            scalar(entry["down"]),
            dependencies=tuple(entry["depends_on"]) or None,
            branch_labels=tuple(entry["branch_labels"]) or None,
        )
        for entry in spec
    ]
    revision_map = RevisionMap(lambda: revisions)
    revision_map.heads  # builds the map
    result = {
        "heads": list(revision_map.heads),
        "real_heads": list(revision_map._real_heads),
        "bases": list(revision_map.bases),
        "real_bases": list(revision_map._real_bases),
        "labels": {revision.revision: sorted(revision.branch_labels) for revision in revisions},
    }
    if symbols:
        result["symbols"] = {symbol: resolve(revision_map, symbol) for symbol in symbols}
    return result


def answer(request):
    spec, symbols = (request, None) if isinstance(request, list) else (request["revisions"], request["symbols"])
    try:
        return build(spec, symbols)
    except Exception as error:  # the class is the answer, whatever it is
        return {
            "error": type(error).__name__,
            "message": str(error),
            "args": [arg if isinstance(arg, str) else repr(arg) for arg in error.args],
        }


def main():
    warnings.simplefilter("ignore")
    for line in sys.stdin:
        if line.strip():
            sys.stdout.write(json.dumps(answer(json.loads(line))) + "\n")


if __name__ == "__main__":
    main()
