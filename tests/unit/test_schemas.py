import pytest
from pydantic import ValidationError

from schemas import EXPORTED
from schemas.export import JSON_DIR, stale
from schemas.models import Span


def test_exported_json_schema_is_current():
    names = stale()
    assert names == [], f"run `python -m schemas export`: stale {names} in {JSON_DIR}"


def test_every_model_carries_schema_version():
    for name, model in EXPORTED.items():
        if name != "raw-envelope.v1":
            version = model.model_fields["schema_version"].default
            assert name.endswith(f".v{version}"), name


def test_models_are_frozen_and_strict():
    span = Span(start=1, end=2)
    with pytest.raises(ValidationError):
        span.start = 3
    with pytest.raises(ValidationError):
        Span(start=1, end=2, extra=True)
