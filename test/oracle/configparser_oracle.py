"""Oracle for the configparser differential test.

Reads a JSON list of cases ({"text": ..., "here": ...}) on stdin. Each text is written to a
file as UTF-8 bytes (newlines untouched) and read exactly as Alembic reads alembic.ini:
ConfigParser({"here": here}).read([path]). Prints, per case, either the exception class or
every section with each option's raw value and its interpolated value (or error class).
"""
import configparser
import json
import os
import sys
import tempfile


def lookup(parser, section, name):
    try:
        return {"ok": parser.get(section, name)}
    except configparser.Error as error:
        return {"error": type(error).__name__}


def describe(parser, section, names):
    return [[name, parser.get(section, name, raw=True), lookup(parser, section, name)] for name in names]


def run(case, directory, index):
    path = os.path.join(directory, "case_%d.ini" % index)
    with open(path, "wb") as handle:
        handle.write(case["text"].encode("utf-8"))
    parser = configparser.ConfigParser({"here": case["here"]})
    try:
        parser.read([path], encoding="utf-8")
    except configparser.Error as error:
        return {"error": type(error).__name__}
    result = {"defaults": describe(parser, "DEFAULT", list(parser.defaults().keys())), "sections": []}
    for section in parser.sections():
        names = [name for name, _ in parser.items(section, raw=True)]
        result["sections"].append([section, describe(parser, section, names)])
    return result


def main():
    cases = json.load(sys.stdin)
    with tempfile.TemporaryDirectory() as directory:
        answers = [run(case, directory, index) for index, case in enumerate(cases)]
    json.dump(answers, sys.stdout)


main()
