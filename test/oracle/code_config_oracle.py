"""Oracle for an environment set up in code, with no alembic.ini (Flask-Migrate style): a Config
built with only script_location, as Alembic's defaults see it. Prints its heads and then the
merge revision `alembic merge` writes of the heads named, with a pinned date.

argv: <script_location> <message> <rev_id> <year,month,day,hour,minute,second> <head>...
stdout: JSON {"heads": [str], "path": str, "content": str}
"""
import contextlib
import datetime
import io
import json
import sys

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

location, message, rev_id, date, *parents = sys.argv[1:]
config = Config()
config.set_main_option("script_location", location)
heads = list(ScriptDirectory.from_config(config).get_heads())
ScriptDirectory._generate_create_date = lambda self: datetime.datetime(*map(int, date.split(",")))
with contextlib.redirect_stdout(io.StringIO()):
    script = command.merge(config, revisions=parents, message=message, rev_id=rev_id)
with open(script.path, encoding="utf-8") as handle:
    print(json.dumps({"heads": heads, "path": script.path, "content": handle.read()}))
