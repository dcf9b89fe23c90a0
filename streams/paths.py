"""Where the shared benchmark data lives (read at run time, never part of the project)."""

from __future__ import annotations

import os
from pathlib import Path

#: The repository root (parent of ``streams/``).
ROOT = Path(__file__).resolve().parent.parent


def shared_dir() -> Path:
    """``$GEOWIRE_SHARED_DIR``, else the ``shared/`` folder beside the repository."""
    configured = os.environ.get("GEOWIRE_SHARED_DIR")
    return Path(configured) if configured else ROOT.parent / "shared"
