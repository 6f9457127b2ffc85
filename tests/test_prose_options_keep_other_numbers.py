"""The options offered when several figures of a report's text fit: each asks for its own figure, and the same
digits inside another number (2022年, 12345热线) are left as printed.  Made-up pages; options written by hand."""

from __future__ import annotations

import pytest
from kb_files import pages_answerer

from bot.reply.answer import Answerer, Context

PAGES = {
    "year.txt": "柳河县2022年政府信息公开工作年度报告\n一、总体情况\n2022年发布政策解读20篇。市政府发布政策解读8篇。\n",
    "hotline.txt": "青石镇2022年政府信息公开工作年度报告\n一、总体情况\n2022年，12345热线办理12件，领导信箱办理5件。\n",
}


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return pages_answerer(tmp_path_factory, PAGES)


@pytest.mark.parametrize(
    ("q", "options"),
    [
        ("柳河县2022年政策解读多少篇", ["柳河2022年发布政策解读多少篇", "柳河2022年市政府发布政策解读多少篇"]),
        ("青石镇2022年办理多少件", ["青石2022年12345热线办理多少件", "青石2022年领导信箱办理多少件"]),
    ],
)
def test_an_option_asks_for_its_own_figure(answerer: Answerer, q: str, options: list[str]) -> None:
    a = answerer.answer(q, Context())
    assert (a.status, a.options) == ("clarify", options)
    assert a.text == "报告中有几处相近的数字，您问的是哪一个？\n" + "\n".join(f"{i}. {o}" for i, o in enumerate(options, 1))
