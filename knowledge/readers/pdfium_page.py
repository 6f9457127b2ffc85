"""A pdfplumber page whose objects come from PDFium: its text layer and its paths read in C, not Python.

pdfplumber's own page runs pdfminer's content-stream interpreter in Python (≈ 90 % of reading a text
PDF).  Here PDFium (pypdfium2, already used to render scans) gives the characters with their boxes,
and the painted paths and images; they are put in pdfplumber's object dicts, in pdfminer's geometry
(a character's box runs from its font's descent up one font size; a path is split into lines,
rectangles and curves by pdfminer's own rules), so pdfplumber's table finder and line grouping read
them exactly as before (tests/test_pdf_golden.py compares every line, cell and fact).
A page this cannot give in pdfminer's geometry (rotated, or a media box not at the origin: `usable`;
turned or mirrored text) or whose drawn glyphs PDFium's text page left out (`faithful`) is left to
pdfplumber.
"""

from __future__ import annotations

import ctypes
import io
import re
from functools import lru_cache
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as c
from pdfplumber.page import Page

_GENERATED = {"\r", "\n", "\x02"}  # PDFium's own line breaks and soft hyphens: pdfminer has no such chars
_LINE, _BEZIER, _MOVE = c.FPDF_SEGMENT_LINETO, c.FPDF_SEGMENT_BEZIERTO, c.FPDF_SEGMENT_MOVETO
_SHAPES = re.compile(r"m[^m]+")
_SUBSET = re.compile(r"^[A-Z]{6}\+")

Matrix = tuple[float, float, float, float, float, float]


def _proto(name: str, restype: Any, *argtypes: Any) -> Any:
    """A PDFium function taking and giving handles as plain addresses (ints: a key without a cast per call)."""
    from pypdfium2_raw import bindings

    fn = bindings._libs["pdfium"][name]  # a fresh function object: pypdfium2's own keep their types
    fn.restype, fn.argtypes = restype, argtypes
    return fn


_text_object = _proto("FPDFText_GetTextObject", ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)
_object_font = _proto("FPDFTextObj_GetFont", ctypes.c_void_p, ctypes.c_void_p)
_font_name = _proto("FPDFFont_GetBaseFontName", ctypes.c_size_t, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t)


def _mul(m: Matrix, n: Matrix) -> Matrix:
    """m then n (PDF row-vector convention)."""
    a, b, c_, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (a * a2 + b * c2, a * b2 + b * d2, c_ * a2 + d * c2, c_ * b2 + d * d2,
            e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


def _matrix(obj: Any) -> Matrix:
    fm = c.FS_MATRIX()
    if not c.FPDFPageObj_GetMatrix(obj, fm):
        return (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    return (fm.a, fm.b, fm.c, fm.d, fm.e, fm.f)


def font_descents(data: bytes) -> dict[str, float | None]:
    """Each font's descent as pdfminer takes it (thousandths of the font size): its descriptor's /Descent,
    0 when the descriptor leaves it out, a standard font's from its metrics; None where pdfminer takes it
    from elsewhere (a Type 3 font's box) or two fonts of one name disagree.  Keyed by the base font name
    less any subset prefix, as PDFium names fonts.  Reads only the fonts' dictionaries (≈ 5–10 ms)."""
    from pdfminer.fontmetrics import FONT_METRICS
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import dict_value, list_value, resolve1
    from pdfminer.psparser import literal_name

    out: dict[str, float | None] = {}
    seen: set[int] = set()

    def note(name: str, value: float | None) -> None:
        key = _SUBSET.sub("", name)
        out[key] = value if out.get(key, value) == value else None

    def fonts(resources: Any, depth: int) -> None:
        res = dict_value(resources) if resources else {}
        for ref in dict_value(res.get("Font") or {}).values():
            if getattr(ref, "objid", None) in seen:
                continue
            seen.add(getattr(ref, "objid", -1))
            spec = dict_value(ref)
            name, sub = resolve1(spec.get("BaseFont")), resolve1(spec.get("Subtype"))
            name, sub = (literal_name(x) if x is not None else "" for x in (name, sub))
            d = dict_value(list_value(spec.get("DescendantFonts"))[0]) if sub == "Type0" else spec
            descriptor = resolve1(d.get("FontDescriptor"))
            if sub == "Type3":
                note(name, None)
            elif descriptor is not None:
                note(name, -abs(float(resolve1(dict_value(descriptor).get("Descent", 0)) or 0)))
            elif name in FONT_METRICS:
                note(name, -abs(float(FONT_METRICS[name][0].get("Descent", 0))))
            else:
                note(name, None)
        if depth < 3:  # fonts of form XObjects drawn on the page
            for ref in dict_value(res.get("XObject") or {}).values():
                xobj = resolve1(ref)
                attrs = getattr(xobj, "attrs", {})
                if literal_name(attrs.get("Subtype")) == "Form" and attrs.get("Resources") is not None:
                    fonts(attrs.get("Resources"), depth + 1)

    try:
        for page in PDFPage.create_pages(PDFDocument(PDFParser(io.BytesIO(data)))):
            fonts(page.resources, 0)
    except Exception:  # noqa: BLE001 - pdfminer can't read what PDFium repaired: PDFium's own metrics then
        return {}
    return out


def usable(page: pdfium.PdfPage) -> bool:
    """True when the page's coordinates are pdfminer's without a turn or shift: no /Rotate, media box at 0, 0."""
    left, bottom, _, _ = page.get_mediabox()
    return page.get_rotation() == 0 and left == 0 and bottom == 0


def _color(obj: Any, getter: Any) -> tuple[float, ...] | str:
    """The object's colour as RGB fractions; "pattern" when PDFium has none to give (shows, like pdfminer's)."""
    r, g, b, a = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    if not getter(obj, r, g, b, a):
        return "pattern"
    return (r.value / 255, g.value / 255, b.value / 255)


class PdfiumPage(Page):
    """One page as pdfplumber's `Page` (find_tables, extract_text_lines, chars, edges, images …);
    `faithful` False when PDFium left out drawn glyphs (the page is then to be read by pdfplumber)."""

    def __init__(self, page: pdfium.PdfPage, page_number: int, initial_doctop: float = 0.0,
                 descents: dict[str, float | None] | None = None) -> None:
        # no pdfminer here: Page.__init__ would read the page dictionary through it
        self.pdf = None  # type: ignore[assignment]
        self.root_page = self
        self.page_obj = None  # type: ignore[assignment]
        self.page_number = page_number
        self.initial_doctop = initial_doctop
        self.rotation = 0
        _, _, right, top = page.get_mediabox()
        self.mediabox = self.cropbox = self.bbox = (0, 0, right, top)
        self.get_textmap = lru_cache()(self._get_textmap)
        self._descents = descents or {}
        self._by_font: dict[int, float | None] = {}
        self._turned = False
        self._objects = self._read(page)

    def close(self) -> None:
        self.flush_cache()
        self.get_textmap.cache_clear()

    # pdfplumber's object dicts, filled from PDFium ------------------------------------------------

    def _base(self, x0: float, y0: float, x1: float, y1: float, kind: str) -> dict[str, Any]:
        h = self.height
        return {"object_type": kind, "page_number": self.page_number, "x0": x0, "y0": y0, "x1": x1, "y1": y1,
                "width": x1 - x0, "height": y1 - y0, "top": h - y1, "bottom": h - y0,
                "doctop": self.initial_doctop + h - y1}

    def _read(self, page: pdfium.PdfPage) -> dict[str, list[dict[str, Any]]]:
        objects: dict[str, list[dict[str, Any]]] = {}
        identity: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
        raw = page.raw
        top_level = [c.FPDFPage_GetObject(raw, i) for i in range(c.FPDFPage_CountObjects(raw))]
        textpage = page.get_textpage()
        try:
            chars = self._chars(textpage.raw)
        finally:
            textpage.close()
        self.faithful = not self._turned and not self._dropped(top_level)
        if not self.faithful:
            return objects  # pdfplumber reads this page
        self._walk(top_level, identity, objects)
        if chars:
            objects["char"] = chars
        return objects

    def _chars(self, tp: Any) -> list[dict[str, Any]]:
        """The text layer: PDFium's loose boxes give the glyph's advance and its descent line (pdfminer's x0, x1
        and bottom); the top is one font size above the bottom, as pdfminer has it."""
        out = []
        extents: dict[int, list[float]] = {}  # per text object: the left and right of its characters
        box, fm = c.FS_RECTF(), c.FS_MATRIX()
        ox, oy = ctypes.c_double(), ctypes.c_double()
        for i in range(c.FPDFText_CountChars(tp)):
            code = c.FPDFText_GetUnicode(tp, i)
            if c.FPDFText_IsGenerated(tp, i) == 1:
                continue
            text = chr(code) if 0 < code < 0x110000 and not 0xD800 <= code < 0xE000 else ""
            if text in _GENERATED or not text:
                continue
            if c.FPDFText_HasUnicodeMapError(tp, i) == 1:
                text = f"(cid:{code})"  # a glyph with no Unicode mapping, written as pdfminer writes it
            c.FPDFText_GetLooseCharBox(tp, i, box)
            c.FPDFText_GetMatrix(tp, i, fm)
            textobj = _text_object(tp, i) or 0
            ext = extents.setdefault(textobj, [box.left, box.right])
            ext[0], ext[1] = min(ext[0], box.left), max(ext[1], box.right)
            upright = fm.a * fm.d > 0 and fm.b * fm.c <= 0  # pdfminer's test (scaling is positive)
            if not upright or fm.b or fm.c:
                self._turned = True  # turned or mirrored text: pdfminer's boxes for it are not rebuilt here
            font_size = c.FPDFText_GetFontSize(tp, i)
            size = font_size * abs(fm.d)  # in text space: scaled as drawn
            c.FPDFText_GetCharOrigin(tp, i, ox, oy)
            if abs(oy.value - fm.f) > 0.01:
                # vertical writing (the matrix is the text object's: a line of horizontal text keeps its
                # baseline): the origin is the glyph's lower left, its box one font size square
                x0, y0 = ox.value, oy.value
                x1, y1 = x0 + size, y0 + size
            else:
                x0, x1, y0 = box.left, box.right, box.bottom
                descent = self._descent(textobj)
                if descent is not None:  # pdfminer's descent line, where PDFium takes another
                    y0 = oy.value + fm.d * font_size * descent / 1000
                y1 = y0 + size
            ch = self._base(x0, y0, x1, y1, "char")
            ch.update(text=text, upright=upright, size=size, fontname="", adv=x1 - x0,
                      matrix=(fm.a, fm.b, fm.c, fm.d, fm.e, fm.f))
            out.append(ch)
        self._extents = extents
        return out

    def _dropped(self, objs: list[Any]) -> bool:
        """True when PDFium's text page left out glyphs the page draws: a text object none of whose
        characters it kept (a run of spaces, which browsers print over the text), or one reaching well
        past them.  pdfminer keeps every glyph, and a space separates words: such a page is pdfminer's."""
        left, bottom, right, top = (ctypes.c_float() for _ in range(4))
        for obj in objs:
            if c.FPDFPageObj_GetType(obj) != c.FPDF_PAGEOBJ_TEXT:
                continue
            ext = self._extents.get(ctypes.cast(obj, ctypes.c_void_p).value or 0)
            if ext is None:
                return True
            c.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
            em = max(top.value - bottom.value, 1.0)
            if max(ext[0] - left.value, right.value - ext[1]) > 0.2 * em:
                return True
        return False

    def _descent(self, textobj: int) -> float | None:
        """pdfminer's descent for the font of a text object (None: PDFium's own box is as good)."""
        font = _object_font(textobj) or 0
        if font not in self._by_font:
            size = _font_name(font, None, 0)
            buf = ctypes.create_string_buffer(size)
            _font_name(font, buf, size)
            self._by_font[font] = self._descents.get(_SUBSET.sub("", buf.value.decode("utf-8", "replace")))
        return self._by_font[font]

    def _walk(self, objs: list[Any], ctm: Matrix, objects: dict[str, list[dict[str, Any]]]) -> None:
        """Paths and images of a list of page objects, form XObjects entered with their matrices."""
        for obj in objs:
            kind = c.FPDFPageObj_GetType(obj)
            if kind == c.FPDF_PAGEOBJ_PATH:
                self._path(obj, ctm, objects)
            elif kind == c.FPDF_PAGEOBJ_IMAGE:
                m = _mul(_matrix(obj), ctm)
                corners = [_apply(m, x, y) for x, y in ((0, 0), (1, 0), (0, 1), (1, 1))]
                xs, ys = [p[0] for p in corners], [p[1] for p in corners]
                objects.setdefault("image", []).append(self._base(min(xs), min(ys), max(xs), max(ys), "image"))
            elif kind == c.FPDF_PAGEOBJ_FORM:
                m = _mul(_matrix(obj), ctm)
                self._walk([c.FPDFFormObj_GetObject(obj, i) for i in range(c.FPDFFormObj_CountObjects(obj))], m,
                           objects)

    def _path(self, obj: Any, ctm: Matrix, objects: dict[str, list[dict[str, Any]]]) -> None:
        """One painted path as pdfminer's lines, rectangles and curves (its `paint_path`, subpath by subpath)."""
        fillmode, stroke = ctypes.c_int(), ctypes.c_int()
        c.FPDFPath_GetDrawMode(obj, fillmode, stroke)
        m = _mul(_matrix(obj), ctm)
        shape, pts = [], []
        x, y = ctypes.c_float(), ctypes.c_float()
        pending = 0  # Bézier control points still to come before the curve's end point
        for i in range(c.FPDFPath_CountSegments(obj)):
            seg = c.FPDFPath_GetPathSegment(obj, i)
            c.FPDFPathSegment_GetPoint(seg, x, y)
            kind = c.FPDFPathSegment_GetType(seg)
            if kind == _BEZIER:
                pending = pending - 1 if pending else 2
                if pending:
                    continue
                shape.append("c")
            else:
                shape.append("m" if kind == _MOVE else "l")
            pts.append(_apply(m, x.value, y.value))
            if c.FPDFPathSegment_GetClose(seg):
                start = max(i for i, s in enumerate(shape) if s == "m") if "m" in shape else 0
                shape.append("h")
                pts.append(pts[start])
        attrs = {"stroke": bool(stroke.value), "fill": fillmode.value != 0,
                 "evenodd": fillmode.value == c.FPDF_FILLMODE_ALTERNATE,
                 "linewidth": _stroke_width(obj),
                 "stroking_color": _color(obj, c.FPDFPageObj_GetStrokeColor),
                 "non_stroking_color": _color(obj, c.FPDFPageObj_GetFillColor)}
        text = "".join(shape)
        for found in _SHAPES.finditer(text):
            self._subpath(text[found.start():found.end()], pts[found.start():found.end()], attrs, objects)

    def _subpath(self, shape: str, pts: list[tuple[float, float]], attrs: dict[str, Any],
                 objects: dict[str, list[dict[str, Any]]]) -> None:
        pts = list(pts)
        if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:  # a redundant "l" before "h"
            shape = shape[:-2] + "h"
            pts.pop()
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        if shape in {"mlh", "ml"}:
            kind = "line"
            pts = pts[:2]
            xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        elif shape in {"mlllh", "mllll"}:
            (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
            square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
            kind = "rect" if pts[0] == pts[4] and square else "curve"
            if kind == "rect":
                xs, ys = [x0, x2], [y0, y2]
        else:
            kind = "curve"
        obj = self._base(min(xs), min(ys), max(xs), max(ys), kind)
        obj.update(attrs)
        if kind in ("line", "curve"):
            obj["pts"] = [(px, self.height - py) for px, py in pts]
        objects.setdefault(kind, []).append(obj)


def _stroke_width(obj: Any) -> float:
    w = ctypes.c_float()
    return w.value if c.FPDFPageObj_GetStrokeWidth(obj, w) else 0.0
