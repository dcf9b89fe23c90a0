"""``python -m schemas export`` writes the JSON Schema files; ``check`` fails when stale."""

from __future__ import annotations

import sys

from schemas.export import JSON_DIR, export, stale


def main(argv: list[str]) -> int:
    """Run the ``export`` or ``check`` command."""
    command = argv[0] if argv else "export"
    if command == "export":
        for path in export():
            print(path)
        return 0
    if command == "check":
        names = stale()
        if names:
            print(
                f"stale schemas in {JSON_DIR}: {', '.join(names)}; run `python -m schemas export`"
            )
            return 1
        print("schemas up to date")
        return 0
    print("usage: python -m schemas [export|check]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
