"""Report files made for the tests from a bundled one, with the changes a test needs written out.

`odd_report`: 开封's 2019 report with <, >, & and quotes in its title and in a prose sentence, and
three table 二 cells printed as “/”, “—” and left blank.  (An agency name cannot hold those
characters: the title parser only takes Chinese characters and brackets as a name.)
"""

from __future__ import annotations

from pathlib import Path

from knowledge.paths import DATA

ODD_TITLE = '开封市人民政府2019年政府信息公开工作年度报告<A&B>"试行"'
ODD_SENTENCE = '利用网站设置的<领导信箱>&"市长热线"反映各类事项办结839条'

# (line as bundled, line in the odd report): every change is checked to be made exactly once
_EDITS = [
    ("# 开封市人民政府2019年政府信息公开工作年度报告", f"# {ODD_TITLE}"),
    ("利用网站设置的领导信箱反映各类事项办结839条", ODD_SENTENCE),
    ("规章\t12\t12\t54", "规章\t/\t12\t54"),  # 本年新制作数量 “/”
    ("行政强制\t1557\t65\t12803", "行政强制\t1557\t—\t12803"),  # 本年增/减 “—”
    ("行政处罚\t11063\t942\t20815", "行政处罚\t11063\t\t20815"),  # 本年增/减 blank
]


def odd_report(directory: Path) -> Path:
    """Write the odd report into directory and return its path."""
    return report_copy(directory, _EDITS, "odd-2019.txt")


def report_copy(directory: Path, edits: list[tuple[str, str]], name: str, source: str = "kaifeng-2019.txt") -> Path:
    """A bundled report (开封's 2019 unless told) with each (old, new) made exactly once, written to directory/name."""
    text = (DATA / "reports" / source).read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path
