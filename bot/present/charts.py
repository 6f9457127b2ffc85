"""Charts of an answer: a bar/line chart for a series (years of one body, bodies in one year) and a
horizontal bar chart for a breakdown (办理结果, 不予公开的理由 …), as PNG bytes.

matplotlib is imported only when a chart is drawn, so answers without one keep their speed.  The CJK
font is the Noto Sans CJK SC that the `mplfonts` package ships (no system font, no network).
"""

from __future__ import annotations

import functools
import io
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

from knowledge.models import Answer

WIDTH_PX = 1200
DPI = 100
FONT_FILE = "NotoSansCJKsc-Regular.otf"
TITLE_MAX = 40
CAPTION_WIDTH = 80  # characters of the caption per line under the chart
LABEL_MAX = 16  # characters of a breakdown label kept on the axis
_BAR = "#3b6ea5"
FLAG_COLOUR = "#d9822b"
FLAG = "＊"
FLAG_NOTE = "＊数字有勾稽提示（与报告其他数字对不上），见回答中的提示。"


@dataclass(frozen=True)
class Chart:
    """What a chart shows; hashable, so the PNG is cached by it."""

    kind: str  # "series" (one bar/point per year or body) or "breakdown" (one bar per part)
    title: str
    labels: tuple[str, ...]
    values: tuple[float, ...]
    unit: str
    caption: str  # the source reports, printed under the chart and used as the photo caption
    flagged: tuple[bool, ...] = ()  # per bar: its figure carries a warning (drawn in FLAG_COLOUR, label ＊)

    def texts(self) -> list[str]:
        """Every string drawn on the chart (for the glyph check)."""
        return [self.title, self.caption, self.unit, *self.labels, *(_fmt(v) for v in self.values)]


def font_path() -> Path:
    """The CJK font file the charts are drawn with."""
    import mplfonts

    return Path(mplfonts.__file__).parent / "fonts" / FONT_FILE


def chart_of(answer: Answer) -> Chart | None:
    """The chart an answer calls for (a series or ranking of ≥2 figures, or a breakdown), or None.

    The caption names the reports in the answer's `sources`.
    """
    if answer.status != "answered":
        return None
    titles = [str(s["title"]) for s in answer.sources if s.get("title")]
    unit = answer.unit or "件"
    caption = "来源：" + "、".join(f"《{t}》" for t in dict.fromkeys(titles)) if titles else ""
    series = [p for p in answer.series or answer.ranking if p.get("value") is not None]
    if len(series) >= 2:
        years = {p.get("year") for p in series}
        bodies = {p.get("agency") for p in series}
        if len(bodies) == 1:
            labels = tuple(f"{p.get('year')}年" for p in series)
        else:
            labels = tuple(_short(str(p.get("agency"))) + ("" if len(years) == 1 else f"{p.get('year')}")
                           for p in series)
        flagged = tuple(bool(p.get("warned")) for p in series)
        if any(flagged):  # the point whose figure carries a warning is marked, and the mark explained
            labels = tuple(lab + FLAG if f else lab for lab, f in zip(labels, flagged, strict=True))
            caption = f"{FLAG_NOTE}{caption}"
        return Chart("series", _title(answer), labels, tuple(float(p["value"]) for p in series), unit, caption,
                     flagged if any(flagged) else ())
    parts = [(lab, v) for lab, v in answer.breakdown if v is not None]
    if len(parts) >= 2 and any(v for _, v in parts):
        title = _title(answer) + (FLAG if answer.warnings else "")
        return Chart("breakdown", title, tuple(_clip(lab) for lab, _ in parts),
                     tuple(float(v) for _, v in parts), unit, f"{FLAG_NOTE}{caption}" if answer.warnings else caption)
    return None


@functools.lru_cache(maxsize=64)
def png(chart: Chart) -> bytes:
    """The chart as a PNG, 1200 px wide (cached: the same question draws once)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    family = _family(font_manager)
    with matplotlib.rc_context({"font.family": family, "axes.unicode_minus": False, "font.size": 15}):
        n = len(chart.values)
        notes = textwrap.wrap(chart.caption, CAPTION_WIDTH) if chart.caption else []
        height = (5.4 if chart.kind == "series" else 1.6 + 0.55 * n) + 0.25 * len(notes)
        fig = Figure(figsize=(WIDTH_PX / DPI, height), dpi=DPI)
        ax = fig.add_subplot()
        top = max(chart.values) if chart.values else 0
        if chart.kind == "series":
            xs = range(n)
            bars = ax.bar(xs, chart.values, width=0.55,
                          color=[FLAG_COLOUR if f else _BAR for f in chart.flagged] if chart.flagged else _BAR)
            ax.set_xticks(list(xs), list(chart.labels))
            ax.set_ylim(0, top * 1.18 or 1)
            ax.bar_label(bars, labels=[_fmt(v) + chart.unit for v in chart.values], padding=4, fontsize=15)
            ax.yaxis.set_major_locator(MaxNLocator(integer=True))
            ax.set_ylabel(chart.unit)
        else:
            ys = list(range(n))[::-1]
            bars = ax.barh(ys, chart.values, color=_BAR, height=0.6)
            ax.set_yticks(ys, list(chart.labels))
            ax.set_xlim(0, top * 1.15 or 1)
            ax.bar_label(bars, labels=[_fmt(v) + chart.unit for v in chart.values], padding=4, fontsize=14)
            ax.xaxis.set_visible(False)  # the figures stand on the bars
            ax.spines["bottom"].set_visible(False)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.set_title(chart.title, fontsize=18, loc="left", pad=14)
        if notes:
            fig.text(0.01, 0.01, "\n".join(notes), fontsize=11, color="#555555", ha="left", va="bottom")
        fig.tight_layout(rect=(0, (0.25 * len(notes) + 0.1) / height if notes else 0, 1, 1))
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=DPI)
    return _shrink(buf.getvalue())


@functools.cache
def _family(font_manager) -> str:  # noqa: ANN001 - matplotlib.font_manager, imported late
    """Register the CJK font once; its family name."""
    path = str(font_path())
    font_manager.fontManager.addfont(path)
    return font_manager.FontProperties(fname=path).get_name()


def _shrink(data: bytes) -> bytes:
    """A palette PNG: flat colours and text need few colours, and the file drops to tens of KB."""
    from PIL import Image

    img = Image.open(io.BytesIO(data)).convert("RGB").quantize(colors=64)
    out = io.BytesIO()
    img.save(out, format="PNG")
    return out.getvalue()


def _title(answer: Answer) -> str:
    """What the chart shows and over what: “2023年行政复议：各机关”, “平潭行政复议：各年度”; without a
    subject, the answer's first line about the figure, up to the figures."""
    points = answer.series or answer.ranking
    if answer.subject and points:
        bodies, years = {p.get("agency") for p in points}, {p.get("year") for p in points}
        over = "各机关" if len(bodies) > 1 else "各年度" if len(years) > 1 else ""
        head = answer.subject + (f"：{over}" if over else "")
        return head if len(head) <= TITLE_MAX else head[: TITLE_MAX - 1] + "…"
    lines = [ln for ln in answer.text.split("\n") if ln and not ln.startswith(("来源", "原文", "按已载入", "“"))]
    line = lines[0] if lines else answer.text
    head = re.split(r"[（：:。]", line, maxsplit=1)[0]
    return head if len(head) <= TITLE_MAX else head[: TITLE_MAX - 1] + "…"


def _short(agency: str) -> str:
    from bot.understand.agencies import short_name

    return short_name(agency)


def _clip(label: str) -> str:
    return label if len(label) <= LABEL_MAX else label[: LABEL_MAX - 1] + "…"


def _fmt(v: float) -> str:
    from bot.reply.compose import fmt

    return fmt(v)


def write(answer: Answer, path: Path) -> bool:
    """Draw the answer's chart into path (PNG); False when the answer has nothing to chart."""
    chart = chart_of(answer)
    if chart is None:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(png(chart))
    answer.chart = str(path)
    return True
