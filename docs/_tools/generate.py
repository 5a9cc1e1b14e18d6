"""Write the generated reference content into the Markdown pages: ``python docs/_tools/generate.py``.

Each ``<!-- generated: ... -->`` region of each page of docs/ is rendered again from the code
(``docs/_ext/prodserver_docs/generated.py``); ``tests/unit/test_docs_generated.py`` fails when a
committed page differs from what this would write.  Prints the pages it changed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent
ROOT = DOCS.parent


def pages() -> list[Path]:
    return sorted(path for path in DOCS.rglob("*.md") if "_build" not in path.parts)


def main() -> int:
    sys.path[:0] = [str(ROOT), str(ROOT / "example"), str(DOCS / "_ext")]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    import django

    django.setup()
    from prodserver_docs.generated import regenerated

    for path in pages():
        text = path.read_text()
        if (new := regenerated(text)) != text:
            path.write_text(new)
            sys.stdout.write(f"Wrote {path.relative_to(ROOT)}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
