"""Oracle for the complete syntax check: Python's own compile() of each source (a JSON list on
stdin); answers null when it compiles, else [line, message] of the SyntaxError."""
import json
import sys
import warnings

warnings.simplefilter("ignore")


def verdict(source):
    try:
        compile(source, "revision.py", "exec", dont_inherit=True)
        return None
    except SyntaxError as error:
        return [error.lineno, error.msg]
    except (ValueError, MemoryError, RecursionError) as error:
        return [0, type(error).__name__]


json.dump([verdict(source) for source in json.load(sys.stdin)], sys.stdout)
