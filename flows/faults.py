"""Named points in a run where a crash can be provoked, to prove the output survives one.

``NEWSFIGURES_KILL_AT=journal-written newsfigures run …`` makes the process kill itself with SIGKILL
(no clean-up, no ``finally``) when it reaches that point. Points: ``staged`` (every new file staged,
nothing committed), ``journal-written`` (committed, nothing applied), ``mid-apply`` (half the files
moved), ``applied`` (all moved, journal not yet deleted).
"""

from __future__ import annotations

import os
import signal

KILL_AT = "NEWSFIGURES_KILL_AT"


def checkpoint(name: str) -> None:
    if os.environ.get(KILL_AT) == name:
        os.kill(os.getpid(), signal.SIGKILL)
