"""Does a PDF read the same through PDFium as through pdfplumber alone?  (issue 26; run by hand)

    .venv/bin/python benchmarks/compare_pdf_readers.py FILE_OR_DIR...

For every PDF: the document's lines and cells, and the parsed facts (field, column, value, kind),
warnings and sections, read once with `pdf.PDFIUM` off (every page through pdfminer, the reader before
issue 26) and once on; prints `same` or the first differences, and the CPU each reading took.  Scans
are skipped (their pages are OCR'd either way).  Exit status 1 when any PDF differs.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from knowledge.errors import NianbaoError  # noqa: E402
from knowledge.readers import pdf, read  # noqa: E402
from knowledge.template.parse import parse  # noqa: E402


def reading(path: Path, pdfium: bool) -> tuple[object, float]:
    """What a user gets from the file (or the one-line refusal), and the CPU seconds it took."""
    pdf.PDFIUM = pdfium
    t = time.process_time()
    try:
        doc = read(path)
        if doc.ocr_pages:
            return "scan", 0.0
        lines = [(ln.kind, ln.table, ln.cells) for ln in doc.lines]
        try:
            p = parse(doc)
            facts = [(f.row, f.column, f.value, f.kind) for f in p.facts]
            rest = ([(w.rule, w.message) for w in p.report.warnings], [s.heading for s in p.report.sections],
                    p.report.id)
        except NianbaoError as exc:
            facts, rest = [], str(exc)
        got: object = (doc.title, lines, facts, rest)
    except NianbaoError as exc:
        got = str(exc)
    return got, time.process_time() - t


def main() -> int:
    files = [f for a in sys.argv[1:] for f in (sorted(Path(a).rglob("*.pdf")) if Path(a).is_dir() else [Path(a)])]
    differ = 0
    for f in files:
        before, t0 = reading(f, False)
        if before == "scan":
            print(f"{f}: scan, skipped")
            continue
        after, t1 = reading(f, True)
        if before == after:
            print(f"{f}: same  (CPU {t0:.2f} s → {t1:.2f} s)")
            continue
        differ += 1
        print(f"{f}: DIFFERS  (CPU {t0:.2f} s → {t1:.2f} s)")
        if isinstance(before, tuple) and isinstance(after, tuple):
            for name, b, a in zip(("title", "lines", "facts", "rest"), before, after, strict=True):
                if b != a and isinstance(b, list) and isinstance(a, list):
                    diffs = [(i, x, y) for i, (x, y) in enumerate(zip(b, a, strict=False)) if x != y][:3]
                    print(f"  {name}: {len(b)} → {len(a)}; first differences: {diffs}")
                elif b != a:
                    print(f"  {name}: {b!r} → {a!r}")
        else:
            print(f"  before: {str(before)[:200]}\n  after:  {str(after)[:200]}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
