"""Oracle for the text rules of writing a merge: shlex.split (post-write hook options), codec
lookup and str.encode (output_encoding). Reads JSON cases on stdin, answers on stdout:
  {"shlex": [str], "codecs": [str], "encode": [[codec, text]]}
  -> {"shlex": [[str] | {"error": str}], "codecs": [name | null], "encode": [b64 | {"error": str}]}"""
import base64
import codecs
import json
import shlex
import sys


def split(text):
    try:
        return shlex.split(text)
    except ValueError as error:
        return {"error": str(error)}


def lookup(name):
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def encode(codec, text):
    try:
        return base64.b64encode(text.encode(codec)).decode("ascii")
    except UnicodeEncodeError as error:
        return {"error": str(error)}


request = json.load(sys.stdin)
json.dump(
    {
        "shlex": [split(text) for text in request["shlex"]],
        "codecs": [lookup(name) for name in request["codecs"]],
        "encode": [encode(codec, text) for codec, text in request["encode"]],
    },
    sys.stdout,
)
