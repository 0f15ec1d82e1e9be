"""Oracle for file naming and create dates: Python's own % formatting, Alembic's slug rule
(re \\w, lower, truncation) and datetime/zoneinfo, fed JSON cases on stdin, answers on stdout."""
import datetime
import json
import re
import sys
from zoneinfo import ZoneInfo

SLUG = re.compile(r"\w+")


def slug(message, length):
    text = "_".join(SLUG.findall(message or "")).lower()
    length = length or 40
    if len(text) > length:
        text = text[:length].rsplit("_", 1)[0] + "_"
    return text


def answer(case):
    kind = case["kind"]
    if kind == "zone":
        for candidate in (case["name"], case["name"].upper()):
            try:
                ZoneInfo(candidate)
                return {"ok": candidate}
            except Exception:  # zoneinfo raises several types for bad keys
                pass
        return {"ok": None}
    try:
        if kind == "format":
            return {"ok": case["template"] % case["mapping"]}
        if kind == "slug":
            return {"ok": slug(case["message"], case["length"])}
        if kind == "instant":
            utc = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
            moment = utc + datetime.timedelta(microseconds=case["micros"])
            local = moment.astimezone(ZoneInfo(case["zone"]))
            return {"ok": [str(local), int(local.timestamp())]}
        if kind == "wall":
            wall = datetime.datetime(*case["wall"], tzinfo=ZoneInfo(case["zone"]))
            return {"ok": [str(wall), int(wall.timestamp())]}
    except Exception as error:  # the oracle reports which exception, the test compares
        return {"error": type(error).__name__}
    raise ValueError(kind)


print(json.dumps([answer(case) for case in json.load(sys.stdin)]))
