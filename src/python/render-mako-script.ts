// The Python program of the Mako fallback, passed with `python -I -c`: it reads one JSON request
// on stdin (the template and the variables `alembic merge` passes), renders the template with
// Mako as Alembic's template_to_file does, and writes one JSON answer on stdout. It imports Mako
// and the standard library only: never the revision files, env.py or the project's code.
// Exit status 3: this Python cannot import Mako.

/** The exit status meaning "no Mako here". */
export const NO_MAKO_STATUS = 3;

/** The script's source (Python 3.7+). */
export const RENDER_MAKO_SCRIPT = String.raw`
import collections.abc
import datetime
import json
import sys

try:
    from mako import exceptions
    from mako.template import Template
except ImportError:
    sys.exit(3)


def format_as_comma(value):
    # alembic.util.format_as_comma, the template variable "comma".
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, collections.abc.Iterable):
        return ", ".join(value)
    raise ValueError("Don't know how to comma-format %r" % (value,))


class Config(object):
    """Stands in for alembic.config.Config with what templates read of it: the main section."""

    def __init__(self, spec):
        self.config_file_name = spec["file"]
        self.config_ini_section = spec["section"]
        self._options = dict(spec["options"])
        self._broken = dict(spec["broken"])

    def get_main_option(self, name, default=None):
        return self.get_section_option(self.config_ini_section, name, default)

    def get_section_option(self, section, name, default=None):
        if section != self.config_ini_section:
            raise NotImplementedError("git-alembic passes templates the [%s] options only" % self.config_ini_section)
        if name.lower() in self._broken:
            raise ValueError(self._broken[name.lower()])
        return self._options.get(name.lower(), default)


def create_date(spec):
    # Aware exactly when a timezone is configured; the offset is the one git-alembic computed.
    fields = [spec[key] for key in ("year", "month", "day", "hour", "minute", "second", "microsecond")]
    if spec["offset"] is None:
        return datetime.datetime(*fields)
    offset = datetime.timedelta(seconds=spec["offset"])
    if spec["zone"]:
        try:
            from zoneinfo import ZoneInfo

            zoned = datetime.datetime(*fields, tzinfo=ZoneInfo(spec["zone"]))
            if zoned.utcoffset() == offset:
                return zoned
        except Exception:
            pass  # No zoneinfo or no such zone here: the fixed offset prints the same.
    return datetime.datetime(*fields, tzinfo=datetime.timezone(offset))


def revisions(value):
    return tuple(value) if isinstance(value, list) else value


def render(request):
    variables = request["variables"]
    arguments = dict(
        up_revision=variables["up_revision"],
        down_revision=revisions(variables["down_revision"]),
        branch_labels=revisions(variables["branch_labels"]),
        depends_on=revisions(variables["depends_on"]),
        create_date=create_date(variables["create_date"]),
        comma=format_as_comma,
        message=variables["message"],
        refresh=True,
        config=Config(variables["config"]),
    )
    try:
        # Bytes, as Template(filename=...) reads them: Mako honours a magic encoding comment.
        template = Template(text=request["template"].encode("utf-8"))
    except Exception as error:
        # Mako's own errors know the template line; an error in module-level code does not.
        return failure(error, getattr(error, "lineno", None) if isinstance(error, exceptions.MakoException) else None)
    try:
        return {"text": template.render_unicode(**arguments)}
    except Exception as error:
        return failure(error, exceptions.RichTraceback().lineno)


def failure(error, line):
    return {"error": "%s: %s" % (type(error).__name__, error), "line": line}


answer = render(json.loads(sys.stdin.buffer.read().decode("utf-8")))
sys.stdout.buffer.write(json.dumps(answer, ensure_ascii=True).encode("ascii"))
`;
