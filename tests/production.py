"""The README's production steps, as the tests that run them and check the deploy files read
them."""

import re
import shlex
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def production_steps():
    """The README's "Production" commands, in order, and the variables its `export` sets."""
    readme = (ROOT / "README.md").read_text()
    block = re.search(r"^### Production\n.*?^```sh\n(.*?)^```", readme, re.M | re.S).group(1)
    exported, steps = set(), []
    for line in block.splitlines():
        command = re.sub(r"\s+#.*", "", line).strip()
        if command.startswith("export "):
            exported |= {word.partition("=")[0] for word in shlex.split(command)[1:]}
        elif command:
            steps += [shlex.split(part) for part in command.split(" && ")]
    return exported, steps


def is_service(command):
    """gunicorn and the worker run until stopped; every other step finishes."""
    return command[0].endswith("/gunicorn") or "db_worker" in command
