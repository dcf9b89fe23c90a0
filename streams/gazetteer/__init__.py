"""Offline GeoNames-derived gazetteer: build once from packaged data, load in under a second.

Entry points: :func:`load_gazetteer` (builds on first use) and :func:`build_gazetteer`.
"""

from streams.gazetteer.index import (
    Candidates,
    Gazetteer,
    build_gazetteer,
    load_gazetteer,
)

__all__ = ["Candidates", "Gazetteer", "build_gazetteer", "load_gazetteer"]
