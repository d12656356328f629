"""Run one publish in this process and stop it at a named step: SIGKILL, or pause.

Usage: publish_runner.py MKDOCS_YML TARGET STEP kill|pause [KEEP...]
With `pause` it prints the step's name and waits until its stdin closes, then carries on.
Exits 3 when the publish finished without reaching STEP.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from trangxa.publish.steps import Outcome, Request, publish_steps


def main(argv: list[str]) -> int:
    config, target, stop, how, *keep = argv[1:]
    reached = False
    for step in publish_steps(Request(Path(config), Path(target), keep), Outcome()):
        if step != stop or reached:
            continue
        reached = True
        if how == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        print(step, flush=True)
        sys.stdin.read()
    return 0 if reached else 3


if __name__ == "__main__":
    sys.exit(main(sys.argv))
