"""Messages that are not questions (你好, 谢谢, 帮助, 退出) and example questions drawn from the loaded reports."""

from __future__ import annotations

import heapq
import re
from collections.abc import Mapping, Sequence
from typing import Literal

from bot.understand.agencies import short_name

Kind = Literal["greeting", "thanks", "help", "exit"]

_WORDS: dict[Kind, re.Pattern[str]] = {
    "greeting": re.compile(r"(你|您)好(呀|啊|哇)?|嗨|哈喽|哈啰|hello|hi|hey|早上好|上午好|中午好|下午好|晚上好|"
                           r"早|在吗|在不在|有人吗"),
    "thanks": re.compile(r"(谢谢|多谢|感谢|谢了|谢啦)(你|您)?(啦|了|哈)?|thanks?(you)?|thx|辛苦(了|啦)?|好的谢谢|"
                         r"好的?|明白了?|知道了|收到"),  # spaces are gone before matching: “thank you” is thankyou
    "help": re.compile(r"帮助|help|怎么用|怎么问|如何提问|怎么提问|使用说明|说明|菜单|能做什么|你能做什么|你会什么"),
    "exit": re.compile(r"退出|exit|quit|再见|拜拜|bye|结束"),
}
_PUNCT = re.compile(r"[\s,，.。!！?？~～、;；:：…'\"“”/]+")


def kind(message: str) -> Kind | None:
    """What a whole message is when it is not a question (None for anything else)."""
    bare = _PUNCT.sub("", message).lower()  # no pattern matches an empty text or one of more than 9 characters
    for name, pattern in _WORDS.items():
        if pattern.fullmatch(bare):
            return name
    return None


def reply(what: Kind, examples: list[str]) -> str:
    """A short friendly reply with example questions."""
    head = {
        "greeting": "你好！我回答政府信息公开工作年度报告里的问题，数字取自报告原文并注明出处。",
        "thanks": "不客气！还有问题可以接着问。",
        "help": "直接问年报里的数字或内容就行，写明机关和年份更准确；可以接着追问“那2021年呢？”。",
        "exit": "再见！",
    }[what]
    if what == "exit" or not examples:
        return head
    return head + "\n例如：\n" + "\n".join(f"• {q}" for q in examples)


def examples(years: Mapping[str, Sequence[int]], n: int = 3) -> list[str]:
    """Example questions from the loaded agencies (→ their years, ascending), each about a different one
    where there are several.

    A body with several years gets a trend question (近N年); the others a figure of their newest year.
    """
    if not years:
        return []
    many = len(years) > 1
    # only the first n are shown, and each depends only on those before it: the n best, not a full sort
    order = heapq.nsmallest(n, (a for a in years if years[a]), key=lambda a: (-len(years[a]), -years[a][-1], a))
    singles = ["{who}{year}年行政复议多少件", "{who}{year}年收到多少政府信息公开申请", "{who}{year}年不予公开多少件",
               "{who}{year}年存在哪些主要问题"]
    out: list[str] = []
    for i, agency in enumerate(order):
        who, newest = short_name(agency) if many else "", years[agency][-1]
        if len(years[agency]) >= 2 and not any("近" in q for q in out):
            out.append(f"{who}近{newest - years[agency][0] + 1}年行政复议多少件")
        else:
            out.append(singles[i % len(singles)].format(who=who, year=newest))
    k = 0
    while order and len(out) < n and k < len(singles):  # fewer agencies than examples: more on the newest
        q = singles[k].format(who=short_name(order[0]) if many else "", year=years[order[0]][-1])
        if q not in out:
            out.append(q)
        k += 1
    return out[:n]
