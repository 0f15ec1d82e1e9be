"""Oracle for read-settings: what real Alembic makes of an alembic.ini.

Reads a JSON list of {"ini": path, "section": name} on stdin. For each, runs Alembic's own
ScriptDirectory.from_config with the working directory set to the ini's directory (git-alembic
resolves relative paths against that directory) and prints the resolved settings or the error.
"""
import json
import os
import sys

from alembic.config import Config
from alembic.script import ScriptDirectory


def settings(case):
    config = Config(case["ini"], ini_section=case["section"])
    script = ScriptDirectory.from_config(config)
    return {
        "scriptLocation": os.path.abspath(str(script.dir)),
        "versionLocations": [os.path.abspath(str(location)) for location in script._version_locations],
        "fileTemplate": script.file_template,
        "truncateSlugLength": script.truncate_slug_length,
        "timezone": script.timezone,
        "outputEncoding": script.output_encoding,
        "sourceless": script.sourceless,
    }


def run(case):
    saved_path, saved_cwd = list(sys.path), os.getcwd()
    os.chdir(os.path.dirname(case["ini"]))
    # Finders for relative sys.path entries ("src") are cached with the previous case's cwd.
    sys.path_importer_cache.clear()
    try:
        return {"ok": settings(case)}
    except Exception as error:  # the test only compares the fact of failing
        return {"error": "%s: %s" % (type(error).__name__, error)}
    finally:
        sys.path[:] = saved_path
        os.chdir(saved_cwd)


def main():
    cases = json.load(sys.stdin)
    json.dump([run(case) for case in cases], sys.stdout)


main()
