"""Runs real `alembic merge` with a pinned create date, and checks that Alembic reads another
project (the one git-alembic merged) as having one head and upgrades it on SQLite.

Reads a JSON request on stdin:
  {"cases": [{"name": str,
              "merge_ini": str,                  # the project Alembic merges
              "heads": [str],                    # explicit heads, in the order to merge them
              "message": str, "rev_id": str,
              "date": [y, m, d, H, M, S, us],    # wall clock Alembic's now() is made to return
              "timezone": str | null,            # the project's `timezone`, for an aware date
              "check_ini": str | null}]}         # the project git-alembic merged
Writes JSON on stdout:
  {"alembic_version": str,
   "results": [{"name": str, "ok": bool, "error": str, "path": str, "content_b64": str,
                "stdout": str, "heads": [str], "upgraded_to": [str]}]}
"""

import base64
import contextlib
import datetime
import io
import json
import sys
import traceback
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import alembic
import sqlalchemy
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory


def zone_named(name):
    # Alembic's rule: the name as written, then upper-cased.
    try:
        return ZoneInfo(name)
    except ZoneInfoNotFoundError:
        return ZoneInfo(name.upper())


def pinned_date(case):
    year, month, day, hour, minute, second, micro = case["date"]
    tz = None if case["timezone"] is None else zone_named(case["timezone"])
    return datetime.datetime(year, month, day, hour, minute, second, micro, tzinfo=tz)


def merge(case, result):
    date = pinned_date(case)
    ScriptDirectory._generate_create_date = lambda self: date
    # Alembic writes through the stream's encoding (ascii with '?' when it has none): UTF-8, as a terminal.
    captured = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    with contextlib.redirect_stdout(captured):
        script = command.merge(Config(case["merge_ini"]), revisions=case["heads"], message=case["message"], rev_id=case["rev_id"])
    captured.flush()
    with open(script.path, "rb") as handle:
        result["content_b64"] = base64.b64encode(handle.read()).decode("ascii")
    result["path"] = script.path
    result["stdout"] = captured.buffer.getvalue().decode("utf-8")


def check(case, result):
    config = Config(case["check_ini"])
    result["heads"] = list(ScriptDirectory.from_config(config).get_heads())
    with contextlib.redirect_stdout(io.StringIO()):
        command.upgrade(config, "head")
    engine = sqlalchemy.create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.connect() as connection:
        rows = connection.execute(sqlalchemy.text("SELECT version_num FROM alembic_version"))
        result["upgraded_to"] = sorted(row[0] for row in rows)
    engine.dispose()


def run(case):
    result = {"name": case["name"], "ok": True, "error": "", "path": "", "content_b64": "", "stdout": "", "heads": [], "upgraded_to": []}
    try:
        merge(case, result)
        if case.get("check_ini"):
            check(case, result)
    except Exception:
        result["ok"] = False
        result["error"] = traceback.format_exc(limit=3)
    return result


def main():
    request = json.load(sys.stdin)
    results = [run(case) for case in request["cases"]]
    json.dump({"alembic_version": alembic.__version__, "results": results}, sys.stdout)


if __name__ == "__main__":
    main()
