"""OCR for scanned PDF pages (rapidocr_onnxruntime 1.4, models inside the wheel): rendered, deskewed, read;
ruled tables rebuilt from the image's rules; then the pdf reader's own page-joining and paragraph code, so
the `Document` has the shape of a text-layer one.  Numeric cells get OCR confusions fixed, keep their score.
Prototyped and measured in the OCR helper's RESULTS.md (scale, accuracy, cost); see benchmarks/README.md.
A scan's pages are read side by side, one per core, each by its own single-threaded engine (issue 26).
"""

from __future__ import annotations

import math
import os
import re
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from typing import Any

import numpy as np

from knowledge.models import Line
from knowledge.readers import pdf as _pdf  # its page items, page joining and paragraph code
from knowledge.readers.whitespace import tidy

SCALE = 2.0  # render at 2 × 72 dpi: about a scan's own 150 dpi; more costs time, gains nothing (RESULTS.md)
MIN_SCORE = 0.5  # recognitions scored lower are dropped (RapidOCR's own text_score default)
_NUMBER = re.compile(r"^[\dOoDlI|]+(?:\.[\dOoDlI|]+)?%?$")
_DIGITS = str.maketrans({"O": "0", "o": "0", "D": "0", "l": "1", "I": "1", "|": "1"})
_DECIMAL = re.compile(r"(?<=[\dOolI])[、,，．·](?=[\dOolI]{1,2}$)")  # 7730、28 → 7730.28
_STRAY = re.compile(r"[\s,，、'‘’`]+")

SCORE_MARK = "\x1f"  # between a numeric cell's text and its score, from OCR to `take_scores`
_local = threading.local()  # one engine per thread: pages are read side by side (RapidOCR keeps per-call state)
_engine_lock = threading.Lock()
_readers: ThreadPoolExecutor | None = None


@dataclass
class Box:
    """One recognised text box on the deskewed page image, in pixels."""

    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    score: float

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


def engine() -> Any:
    """This thread's RapidOCR engine, imported and loaded on first use (about 1–3 s).  Each runs its models
    on one thread: pages go side by side, one per core (onnxruntime's own threads spin, burning CPU
    the other page needs, and only half use a second core)."""
    got = getattr(_local, "engine", None)
    if got is None:
        with _engine_lock:  # the import and model files once at a time
            from rapidocr_onnxruntime import RapidOCR

            got = _local.engine = RapidOCR(use_cls=False, max_side_len=4096, intra_op_num_threads=1,
                                           inter_op_num_threads=1)  # upright scans: no 180° classifier
    return got


def number(text: str) -> str | None:
    """A numeric cell's text with OCR confusions fixed (`1O` → `10`, `4 1` → `41`); None if no number."""
    s = _STRAY.sub("", _DECIMAL.sub(".", text.strip(" 、,，'`")))
    if not _NUMBER.match(s) or not (any(c.isdigit() for c in s) or len(s) == 1):
        return None
    return s.translate(_DIGITS)


def _rules(grey: np.ndarray, scale: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Masks (0/255) of the page's ink (local contrast: faint rules kept, flat shading not) and of its long
    horizontal and vertical rules, breaks bridged; vertical ones ≥ 16 pt, longer than the stroke of a 1."""
    import cv2

    ink = cv2.adaptiveThreshold(grey, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 15, 12)
    run, gap, out = int(16 * scale), int(20 * scale), [ink]
    for size, bridge in (((2 * run, 1), (gap, 1)), ((1, run), (1, gap))):
        rules = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, size))
        out.append(cv2.morphologyEx(rules, cv2.MORPH_CLOSE, np.ones(bridge[::-1], np.uint8)))
    return out[0], out[1], out[2]


def skew(grey: np.ndarray, scale: float = SCALE) -> float:
    """The page's tilt in degrees (y down): the median slope of its long horizontal rules, or on a page
    without rules the angle that makes the rows' ink profile sharpest (the text lines)."""
    import cv2

    ink, horiz, _ = _rules(grey, scale)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(horiz)
    wide = [k for k in range(1, n) if stats[k, cv2.CC_STAT_WIDTH] > grey.shape[1] / 4]
    slopes = [math.degrees(math.atan(np.polyfit(*np.nonzero(labels == k)[::-1], 1)[0])) for k in wide]
    if slopes:
        return float(np.median(slopes))
    small = (cv2.resize(ink, None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA) > 64).astype(np.float32)
    h, w = small.shape
    turned = lambda a: cv2.warpAffine(small, cv2.getRotationMatrix2D((w / 2, h / 2), a, 1.0), (w, h))  # noqa: E731
    return float(max(np.arange(-2.0, 2.01, 0.05), key=lambda a: (np.diff(turned(a).sum(axis=1)) ** 2).sum()))


def _recognise(crop: np.ndarray) -> tuple[str, float]:
    """Recognition alone (no detection) of a crop holding one line; ("", 1.0) when it is blank."""
    blank = crop.size == 0 or crop.shape[1] < 4 or (crop < 170).mean() < 0.01  # 1% ink
    res = None if blank else engine()(np.pad(crop, 8, constant_values=255), use_det=False, use_cls=False)[0]
    if not res or (float(res[0][1]) < MIN_SCORE and number(res[0][0]) is None):  # a poor number is flagged
        return "", 1.0
    return tidy(res[0][0]), float(res[0][1])


def _split(box: Box, grey: np.ndarray, vert: np.ndarray) -> list[Box]:
    """A table box cut at the vertical rules it runs over, each piece widened to its cell and read again."""
    t, b = int(box.top + (box.bottom - box.top) / 4), int(box.bottom - (box.bottom - box.top) / 4)
    margin = max(4.0, (box.bottom - box.top) / 2)  # a rule at the very edge of a box cuts no text
    rules = np.nonzero(vert[t:b].mean(axis=0) > 200)[0] if b > t else np.array([], int)
    inner = rules[(rules > box.x0 + margin) & (rules < box.x1 - margin)]
    if len(inner) == 0:
        return [box]
    starts = [int(c) for i, c in enumerate(inner) if i == 0 or c - inner[i - 1] > 1]
    ends = [int(c) for i, c in enumerate(inner) if i == len(inner) - 1 or inner[i + 1] - c > 1]
    left = int(max(rules[rules <= box.x0 + margin], default=box.x0)) + 2
    right = int(min(rules[rules >= box.x1 - margin], default=box.x1)) - 2
    out = []
    for a, z in zip([left, *(e + 2 for e in ends)], [*(s - 2 for s in starts), right], strict=True):
        text, score = _recognise(grey[int(box.top) : int(box.bottom), a:z])
        if text:
            out.append(Box(a, box.top, z, box.bottom, text, score))
    return out


def _distinct(boxes: list[Box]) -> list[Box]:
    """The boxes less any centred within a better-scored one (two detections of one text)."""
    kept: list[Box] = []
    for b in sorted(boxes, key=lambda b: -b.score):
        if not any(k.x0 <= b.cx <= k.x1 and k.top <= b.cy <= k.bottom for k in kept):
            kept.append(b)
    return kept


def _lines(boxes: list[Box]) -> list[list[Box]]:
    """Boxes grouped into lines (by centre within the line's band), each ordered left to right."""
    lines: list[list[Box]] = []
    for b in sorted(boxes, key=lambda b: b.cy):
        last = lines[-1] if lines else []
        if last and np.mean([x.top for x in last]) <= b.cy <= np.mean([x.bottom for x in last]):
            last.append(b)
        else:
            lines.append([b])
    return [sorted(ln, key=lambda b: b.x0) for ln in lines]


def _cluster(values: list[float], tol: float) -> list[float]:
    """Sorted values merged into the means of runs whose steps are at most tol."""
    v = np.sort(np.asarray(values, dtype=float))
    return [float(g.mean()) for g in np.split(v, np.nonzero(np.diff(v) > tol)[0] + 1) if len(g)]


def _tables(
    grey: np.ndarray, boxes: list[Box], horiz: np.ndarray, vert: np.ndarray, scale: float
) -> tuple[list[Any], list[Box]]:
    """The page's ruled tables as pdf-reader blocks (cell bboxes in points; a number's cell text carries
    its score after SCORE_MARK), and the boxes outside every table."""
    import cv2

    mask = cv2.dilate(horiz | vert, np.ones((3, 3), np.uint8))
    found = []
    for x, y, bw, bh, _ in cv2.connectedComponentsWithStats(mask, connectivity=8)[2][1:]:
        if bw < mask.shape[1] / 4 or bh < 12 * scale:
            continue  # a short rule or a lone line: no table
        region = mask[y : y + bh, x : x + bw].copy()
        region[0, :] = region[-1, :] = region[:, 0] = region[:, -1] = 255  # close a table cut by the page end
        _, labels, st, _ = cv2.connectedComponentsWithStats(255 - region, connectivity=4)
        cells = [(x + a, y + t, x + a + w, y + t + h, k) for k, (a, t, w, h, _) in enumerate(st)]
        cells = [c for c in cells[1:] if c[2] - c[0] > 6 and c[3] - c[1] > 6]  # [0] is the rules
        xs = _cluster([c[0] for c in cells] + [c[2] for c in cells], 8)
        if len(xs) < 3:
            continue  # one column: a frame around prose, read as text (as the pdf reader does)
        inside = [b for b in boxes if x <= b.cx < x + bw and y <= b.cy < y + bh]
        boxes = [b for b in boxes if not (x <= b.cx < x + bw and y <= b.cy < y + bh)]
        in_cell: dict[int, list[Box]] = {}
        for piece in (p for b in inside for p in _split(b, grey, vert)):
            in_cell.setdefault(int(labels[int(piece.cy) - y, int(piece.cx) - x]), []).append(piece)
        block = _pdf._Block()
        for top in _cluster([c[1] for c in cells], 6):
            row = []
            for c in sorted((c for c in cells if abs(c[1] - top) <= 6), key=lambda c: c[0]):
                if got := _distinct(in_cell.get(c[4], [])):
                    text = tidy(" ".join(b.text for ln in _lines(got) for b in ln))
                    score = min(b.score for b in got)
                else:  # no box detected: a blank cell, or a lone figure the detector missed
                    text, score = _recognise(grey[c[1] + 3 : c[3] - 2, c[0] + 3 : c[2] - 2])
                num = number(text)
                x0, x1 = (min(xs, key=lambda e: abs(e - v)) for v in (c[0], c[2]))
                text = text if num is None else f"{num}{SCORE_MARK}{score:.4f}"
                row.append(((x0 / scale, c[1] / scale, x1 / scale, c[3] / scale), text))
            block.rows.append(row)
        block.x0, block.x1 = xs[0] / scale, xs[-1] / scale
        found.append(block)
    return found, boxes


def _text_items(boxes: list[Box], scale: float, height: float) -> list[tuple[float, Any]]:
    """Prose boxes as the pdf reader's text lines (in points) keyed by top, page numbers dropped."""
    out = []
    for ln in _lines(boxes):
        text = tidy(" ".join(b.text for b in ln))
        if text and not _pdf._MARKED_PAGE_NUMBER.match(text):
            top, bottom = min(b.top for b in ln) / scale, max(b.bottom for b in ln) / scale
            x0, x1 = ln[0].x0 / scale, max(b.x1 for b in ln) / scale
            out.append((top, _pdf._Text(text, x0, x1, top, bottom - top)))
    if out and _pdf._PAGE_NUMBER.match(out[-1][1].text) and out[-1][0] > height * 0.85:
        out.pop()
    if out and _pdf._PAGE_NUMBER.match(out[0][1].text) and out[0][0] < height * 0.12:
        out.pop(0)
    return out


def ocr_page_items(grey: np.ndarray, height: float, scale: float = SCALE) -> list[Any]:
    """One scanned page (grey image at scale × 72 dpi; page height in points) as `pdf._page_items` gives
    a page: `_Text` lines and `_Block` tables, top to bottom (numbers' cells carrying SCORE_MARK + score)."""
    import cv2

    h, w = grey.shape
    turn = cv2.getRotationMatrix2D((w / 2, h / 2), skew(grey, scale), 1.0)
    grey = cv2.warpAffine(grey, turn, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)
    raw, _ = engine()(cv2.cvtColor(grey, cv2.COLOR_GRAY2BGR))
    boxes = [Box(*np.min(p, axis=0), *np.max(p, axis=0), text, float(sc)) for p, text, sc in raw or []]
    _, horiz, vert = _rules(grey, scale)
    tables, rest = _tables(grey, boxes, horiz, vert, scale)
    items = _text_items(rest, scale, height)
    items += [(min(bb[1] for row in b.rows for bb, _ in row if bb), b) for b in tables]
    return [item for _, item in sorted(items, key=lambda pair: pair[0])]


def take_scores(lines: list[Line]) -> dict[tuple[int, int], float]:
    """Remove the scores that OCR'd numeric cells carry from the lines; return them by (line, cell)."""
    scores = {}
    for i, line in enumerate(lines):
        for j, cell in enumerate(line.cells):
            if cell and SCORE_MARK in cell:
                line.cells[j], score = cell.split(SCORE_MARK)
                scores[(i, j)] = float(score)
    return scores


def workers(pages: int) -> int:
    """How many pages are read at once: one per core the process may use."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(pages, cores))


def ocr_pages(data: bytes, name: str, pages: dict[int, float], scale: float = SCALE,
              progress: Callable[[int], None] | None = None) -> dict[int, list[Any]]:
    """The items of the scanned pages (index → page height in points), read side by side (one thread and
    engine per core; the models release the GIL); `progress` told how many are done."""
    import pypdfium2 as pdfium

    images = pdfium.PdfDocument(data)
    try:  # rendered one after another: PDFium is not to be called from two threads
        greys = {i: np.asarray(images[i].render(scale=scale, grayscale=True).to_pil()) for i in sorted(pages)}
    finally:
        images.close()
    out: dict[int, list[Any]] = {}
    running = {_pool().submit(ocr_page_items, grey, pages[i], scale): i for i, grey in greys.items()}
    for n, done in enumerate(as_completed(running), start=1):
        out[running[done]] = done.result()
        if progress is not None:
            progress(n)
    return out


def _pool() -> ThreadPoolExecutor:
    """The process's page readers, kept with their engines for the next scan (a bulk ingest reads many)."""
    global _readers
    with _engine_lock:
        if _readers is None:
            _readers = ThreadPoolExecutor(max_workers=workers(64), thread_name_prefix="ocr")
        return _readers
