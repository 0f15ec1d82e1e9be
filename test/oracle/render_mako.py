"""Renders script.py.mako templates with real Mako, exactly as `alembic merge` does.

Reads a JSON request on stdin:
  {"templates": [{"name": str, "source_b64": str}],    # templates of our own
   "stock": bool,                                      # add the installed Alembic's templates
   "variable_sets": [{"name": str, "parents": [str], "rev_id": str, "message": str | null,
                      "branch_labels": [str] | null, "create_date": [y, m, d, H, M, S, us, zone | null],
                      "main_options": {str: str}}]}
and renders every template with every variable set through alembic.util.template_to_file,
with the keyword arguments ScriptDirectory.generate_revision passes (a real Config object for
`config`, util.format_as_comma for `comma`, a real datetime for `create_date`: naive when the
zone is null, else aware with zoneinfo.ZoneInfo(zone) as Alembic 1.13+ makes it; a number
of minutes gives a fixed-offset datetime.timezone instead).

Writes JSON on stdout:
  {"alembic_version": str,
   "passes_refresh": bool,                             # whether `refresh=True` reached the template
   "stock": [{"name": str, "source_b64": str}],
   "create_dates": {set name: str(create_date)},
   "results": [{"template": str, "variables": str, "ok": bool, "output_b64": str, "error": str}]}
"""

import base64
import datetime
import glob
import inspect
import json
import os
import sys
import tempfile
from zoneinfo import ZoneInfo

import alembic
from alembic import util
from alembic.config import Config
from alembic.script import ScriptDirectory, revision

# `merge` calls generate_revision(..., refresh=True); since Alembic 1.12.1 generate_revision has
# no `refresh` parameter, so the value lands in **kw and becomes a template variable.
PASSES_REFRESH = "refresh" not in inspect.signature(ScriptDirectory.generate_revision).parameters


def stock_templates():
    pattern = os.path.join(os.path.dirname(alembic.__file__), "templates", "*", "script.py.mako")
    for path in sorted(glob.glob(pattern)):
        name = "stock/" + os.path.basename(os.path.dirname(path))
        with open(path, "rb") as handle:
            yield name, path, handle.read()


def make_date(parts):
    year, month, day, hour, minute, second, micro, zone = parts
    if zone is None:
        tz = None
    elif isinstance(zone, str):
        tz = ZoneInfo(zone)
    else:
        tz = datetime.timezone(datetime.timedelta(minutes=zone))
    return datetime.datetime(year, month, day, hour, minute, second, micro, tzinfo=tz)


def make_config(options):
    config = Config()
    for key, value in options.items():
        config.set_main_option(key, value.replace("%", "%%"))
    return config


def template_arguments(variables):
    message = variables["message"]
    return dict(
        up_revision=str(variables["rev_id"]),
        down_revision=revision.tuple_rev_as_scalar(tuple(variables["parents"])),
        branch_labels=util.to_tuple(variables["branch_labels"]),
        depends_on=revision.tuple_rev_as_scalar(None),
        create_date=make_date(variables["create_date"]),
        comma=util.format_as_comma,
        message=message if message is not None else ("empty message"),
        config=make_config(variables["main_options"]),
        **({"refresh": True} if PASSES_REFRESH else {})
    )


def render(path, dest, variables):
    try:
        util.template_to_file(path, dest, "utf-8", **template_arguments(variables))
    except util.CommandError as error:
        return {"ok": False, "error": traceback_summary(str(error))}
    except Exception as error:  # compile errors escape template_to_file's handler, as in Alembic
        return {"ok": False, "error": "%s: %s" % (type(error).__name__, error)}
    with open(dest, "rb") as handle:
        return {"ok": True, "output_b64": base64.b64encode(handle.read()).decode("ascii")}


def traceback_summary(message):
    # template_to_file leaves Mako's error page in a temporary .txt file named in the message.
    words = [word for word in message.split() if word.endswith(".txt")]
    if not words:
        return message
    with open(words[0], "rb") as handle:
        lines = [line for line in handle.read().decode("utf-8", "replace").splitlines() if line.strip()]
    os.unlink(words[0])
    return lines[-1] if lines else message


def main():
    request = json.load(sys.stdin)
    with tempfile.TemporaryDirectory(prefix="git-alembic-oracle-") as workdir:
        templates = []
        for index, template in enumerate(request["templates"]):
            path = os.path.join(workdir, "t%d.mako" % index)
            with open(path, "wb") as handle:
                handle.write(base64.b64decode(template["source_b64"]))
            templates.append((template["name"], path))
        stock = list(stock_templates()) if request.get("stock") else []
        templates.extend((name, path) for name, path, _ in stock)
        dest = os.path.join(workdir, "out.py")
        results = []
        for name, path in templates:
            for variables in request["variable_sets"]:
                result = render(path, dest, variables)
                result.update(template=name, variables=variables["name"])
                results.append(result)
    json.dump(
        {
            "alembic_version": alembic.__version__,
            "passes_refresh": PASSES_REFRESH,
            "stock": [{"name": name, "source_b64": base64.b64encode(source).decode("ascii")} for name, _, source in stock],
            "create_dates": {v["name"]: str(make_date(v["create_date"])) for v in request["variable_sets"]},
            "results": results,
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
