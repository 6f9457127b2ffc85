"""Charts: a trend over years and a breakdown, drawn as PNG with a font that has every character, sources named.

Expected figures are read by hand from the bundled reports (平潭 table 四 行政复议 总计: 2019 0,
2021 3, 2023 2; 平潭2023 table 三 不予公开: 保护第三方合法权益1, 四类过程性信息1, 行政执法案卷1, 行政查询事项2).
"""

from __future__ import annotations

import io
import json
import os
import struct
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from tg_factories import build_db, loaded

from bot.present import charts
from bot.settings import ROOT

PINGTAN = ("pingtan-2019.txt", "pingtan-2021.txt", "pingtan-2023.txt")
URL_2023 = "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202403/t20240308_87885.htm"
TITLE = "平潭综合实验区{}年度政府信息公开工作年度报告"


@pytest.fixture(scope="module")
def pingtan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_db(tmp_path_factory.mktemp("pingtan"), *PINGTAN)


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def _draw(chart: charts.Chart) -> bytes:
    """The PNG, drawn now (not from the cache), failing on any missing-glyph warning."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        data = charts.png.__wrapped__(chart)
    missing = [str(w.message) for w in caught if "missing from" in str(w.message).lower()]
    assert not missing, missing
    return data


def _no_missing_glyphs(chart: charts.Chart) -> None:
    cmap = TTFont(charts.font_path(), fontNumber=0, lazy=True).getBestCmap()
    absent = {ch for text in chart.texts() for ch in text if not ch.isspace() and ord(ch) not in cmap}
    assert not absent, f"no glyph for {sorted(absent)}"


def test_a_trend_over_years_is_a_chart_with_every_year_and_its_sources(pingtan: Path) -> None:
    _, answerer = loaded(pingtan)
    answer = answerer.answer("平潭近5年行政复议多少件")
    chart = charts.chart_of(answer)
    assert chart is not None and chart.kind == "series"
    assert chart.labels == ("2019年", "2021年", "2023年")
    assert chart.values == (0, 3, 2)
    assert all(TITLE.format(y) in chart.caption for y in (2019, 2021, 2023))
    _no_missing_glyphs(chart)
    data = _draw(chart)
    width, height = _png_size(data)
    assert width >= 1000 and height > 300
    assert 5_000 < len(data) < 150_000  # a few tens of KB


def test_a_breakdown_is_a_bar_per_reason_with_chinese_labels(pingtan: Path) -> None:
    _, answerer = loaded(pingtan)
    answer = answerer.answer("平潭2023年不予公开多少件")
    chart = charts.chart_of(answer)
    assert chart is not None and chart.kind == "breakdown"
    got = dict(zip(chart.labels, chart.values, strict=True))
    assert got["保护第三方合法权益"] == 1 and got["属于行政查询事项"] == 2 and got["属于国家秘密"] == 0
    assert len(got) == 8
    assert chart.caption == "来源：《" + TITLE.format(2023) + "》"
    _no_missing_glyphs(chart)
    width, _ = _png_size(_draw(chart))
    assert width >= 1000


def test_a_single_figure_has_no_chart(pingtan: Path) -> None:
    _, answerer = loaded(pingtan)
    assert charts.chart_of(answerer.answer("平潭2023年收到多少政府信息公开申请")) is None
    assert charts.chart_of(answerer.answer("你好")) is None


def test_the_glyph_check_would_catch_a_character_the_font_lacks() -> None:
    cmap = TTFont(charts.font_path(), fontNumber=0, lazy=True).getBestCmap()
    assert ord("复") in cmap and ord("\U0001fae0") not in cmap  # an emoji no CJK text font draws


def test_ask_json_chart_writes_the_png_and_reports_series_and_url(pingtan: Path, tmp_path: Path) -> None:
    out = tmp_path / "charts" / "trend.png"
    env = {k: v for k, v in os.environ.items() if not k.startswith("NIANBAO_")}
    done = subprocess.run([sys.executable, "-m", "bot", "ask", "--db", str(pingtan), "--json", "--chart", str(out),
                           "平潭近5年行政复议多少件"], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    reply = json.loads(done.stdout)
    assert reply["series"] == [{"agency": "平潭综合实验区", "year": 2019, "value": 0},
                               {"agency": "平潭综合实验区", "year": 2021, "value": 3},
                               {"agency": "平潭综合实验区", "year": 2023, "value": 2}]
    assert reply["url"] == URL_2023
    assert reply["chart"] == str(out)
    width, _ = _png_size(out.read_bytes())
    assert width >= 1000
    from PIL import Image

    assert Image.open(io.BytesIO(out.read_bytes())).format == "PNG"


def test_a_ranking_of_bodies_in_one_year_is_a_bar_per_body() -> None:
    from knowledge.models import Answer

    answer = Answer(status="answered", text="2019年行政复议最多的是开封市人民政府：19件。", unit="件",
                    ranking=[{"agency": "开封市人民政府", "year": 2019, "value": 19},
                             {"agency": "平潭综合实验区", "year": 2019, "value": 0}],
                    sources=[{"title": "开封市人民政府2019年政府信息公开工作年度报告"},
                             {"title": TITLE.format(2019)}])
    chart = charts.chart_of(answer)
    assert chart is not None and chart.labels == ("开封", "平潭") and chart.values == (19, 0)
    assert "《开封市人民政府2019年政府信息公开工作年度报告》" in chart.caption
    _no_missing_glyphs(chart)
    assert _png_size(_draw(chart))[0] >= 1000
