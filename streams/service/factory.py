"""Build the real pipeline components chosen by settings (loaded once per process)."""

from __future__ import annotations

import threading
from functools import cached_property
from typing import TYPE_CHECKING

from streams.core.errors import ConfigError, GeowireError
from streams.core.interfaces import Geocoder, Splitter, Tagger
from streams.core.pipeline import Pipeline
from streams.settings import Settings

if TYPE_CHECKING:
    from streams.gazetteer import Gazetteer


class Components:
    """Lazily loads the splitter, gazetteer, tagger and geocoder, each once.

    Loading the spaCy model and the gazetteer takes seconds, so it happens on first
    use (in the worker's model thread), not at import.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._lock = threading.Lock()

    @cached_property
    def splitter(self) -> Splitter:
        """The rule-based article splitter."""
        from streams.split.splitter import PageSplitter

        return PageSplitter()

    @cached_property
    def gazetteer(self) -> Gazetteer:
        """The compiled offline gazetteer (built on first use)."""
        from streams.gazetteer import load_gazetteer

        try:
            return load_gazetteer(self.settings.gazetteer_path)
        except (OSError, GeowireError) as exc:
            message = f"cannot load the gazetteer: {exc}"
            raise ConfigError(message, setting="gazetteer_path") from exc

    @cached_property
    def tagger(self) -> Tagger:
        """The spaCy tagger with the configured model."""
        from streams.tag.tagger import SpacyTagger

        try:
            return SpacyTagger(self.settings.spacy_model, oracle=self.gazetteer)
        except OSError as exc:
            message = f"cannot load spaCy model {self.settings.spacy_model!r}: {exc}"
            raise ConfigError(message, setting="spacy_model") from exc

    @cached_property
    def geocoder(self) -> Geocoder:
        """The gazetteer-backed geocoder."""
        from streams.geocode.geocoder import GazetteerGeocoder

        return GazetteerGeocoder(self.gazetteer)

    @cached_property
    def pipeline(self) -> Pipeline:
        """All three stages; thread-safe first load."""
        with self._lock:
            return Pipeline(splitter=self.splitter, tagger=self.tagger, geocoder=self.geocoder)
