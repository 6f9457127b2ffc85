"""A way forward instead of a dead end, when a question names no item of the reports.

- Only an agency and/or a year (“开封”, “平潭2023年”): which item? — the most-asked items as options
  (knowledge/data/synonyms.json `most_asked`), for that agency and year.
- A word close to one item's name (“不掌控相关信息的” ~ 不掌握): “您是想问‘本机关不掌握相关政府信息’吗？”
  with the question so reworded as the option; never answered silently.
- Otherwise the unknown words are named in the reply, with example questions.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from bot.understand import segment
from bot.understand.agencies import short_name
from bot.understand.extract import Slots
from bot.understand.lexicon import Concept, Lexicon
from bot.understand.match import Reading
from knowledge.catalogue import Catalogue
from knowledge.models import Answer

if TYPE_CHECKING:
    from bot.reply.answer import Answerer

_BARE = re.compile(r"[\s\u3000?？!！。，,.、]|的?(?:政府信息公开工作)?(?:年度报告|年报|报告|情况|数据)")
NEAR_KINDS = ("apply_rows", "review_groups", "review_columns", "active_rows", "applicants")
NEAR_MIN = 66.0  # one character of three changed (不掌控 ~ 不掌握)
SHARED_MIN = 2  # characters a word and the item's name have in common, at least
# ... and not only these: 公开 is in the name of most items (予以公开, 不予公开): “站公开” of 网站公开 is none of them
EVERY_ITEM = frozenset("公开")


def _numbered(options: list[str]) -> str:
    return "\n".join(f"{i}. {o}" for i, o in enumerate(options, 1))


def _when(a: Answerer, slots: Slots) -> tuple[str, int | None]:
    """The year the options name: the one asked, else the agency's newest loaded year; with no agency, the
    years asked (2019、2021年)."""
    year = slots.years[0] if len(slots.years) == 1 else None
    if year is None and slots.agency and a.kb.years.get(slots.agency):
        year = a.kb.years[slots.agency][-1]
    return (f"{year}年" if year else ("、".join(map(str, slots.years)) + "年" if slots.years else "")), year


def _prefix(a: Answerer, slots: Slots) -> tuple[str, int | None]:
    """How the options name the agency and year (_when)."""
    when, year = _when(a, slots)
    return (short_name(slots.agency, a.agency_index) if slots.agency else "") + when, year


def vague(a: Answerer, slots: Slots, reading: Reading) -> Answer | None:
    """“开封”, “平潭2023年”: an agency or year and nothing else — ask which item, the most-asked first."""
    if not (slots.agency or slots.years) or _BARE.sub("", slots.rest):
        return None  # (“开封的到” says something, if not what: it is not asked back)
    prefix, year = _prefix(a, slots)
    options = [prefix + item + how for item, how in a.lex.most_asked]
    newest = "（已载入的最新年度）" if year and not slots.years else ""
    whose = f"{slots.agency or ''}{_when(a, slots)[0]}{newest}的年报"
    return Answer(status="clarify", agency=slots.agency, year=year, options=options,
                  text=f"您想了解{whose}中的哪一项？可以选一个，或直接提问：\n" + _numbered(options))


def _item_name(concept: Concept, lex: Lexicon, cat: Catalogue) -> str:
    row = cat.row(concept.id) if concept.kind in ("apply_rows", "active_rows") else None
    if row is not None:
        return row.short.replace("“", "").replace("”", "")
    return max(lex.by_concept.get(concept, [concept.id])[:2], key=len)


# The template's own terms for a kind of disclosure (sections 二 and 三): one word each, never cut so that a
# piece of one (公开信 of 主动公开信息) is offered as a table item (予以公开 / 不予公开 are other quantities).
WHOLE_TERMS = re.compile(r"主动公开|依申请公开|政务公开|政府信息公开")


def _chunks(reading: Reading) -> list[str]:
    """The runs of the question no item word explains (“不掌控相关信息的多少件”)."""
    covered = [False] * len(reading.text)
    for h in [*reading.hits, *WHOLE_TERMS.finditer(reading.text)]:
        start, end = (h.start, h.end) if not isinstance(h, re.Match) else h.span()
        covered[start:end] = [True] * (end - start)
    text = "".join(" " if c else ch for ch, c in zip(reading.text, covered, strict=True))
    return [c for c in text.split() if any(w in c for w in reading.unexplained if len(w) >= 2)]


_NAMES: dict[int, dict[str, Concept]] = {}


def _names(lex: Lexicon) -> dict[str, Concept]:
    """Item names to offer: aliases of three characters or more that name one item (made once per lexicon)."""
    got = _NAMES.get(id(lex))
    if got is not None:
        return got
    out = _NAMES[id(lex)] = {}
    for alias, concepts in lex.aliases:
        fit = [c for c in concepts if c.kind in NEAR_KINDS]
        if len(fit) == 1 and len(alias) >= 3 and alias not in lex.exclusive:
            out.setdefault(alias, fit[0])
    return out


def _typo(a: Answerer, slots: Slots, reading: Reading, q: str) -> Answer | None:
    """A two-character non-word one character from a two-character word of an item (纠证 ~ 纠正, 维特 ~
    维持): the question with that word offered, when all such words are one item's."""
    for said in (w for w in reading.unexplained if len(w) == 2 and not segment.known(w) and w in q):
        fits = {(alias, c) for alias, cs in a.lex.aliases if len(alias) == 2 and alias not in a.lex.exclusive
                and Levenshtein.distance(alias, said) == 1 for c in cs if c.kind in NEAR_KINDS}
        if len({c for _, c in fits}) == 1:  # its words as the lexicon lists them: the first (纠正, then 纠错)
            concept = next(iter(fits))[1]
            word = next(w for w in a.lex.by_concept[concept] if (w, concept) in fits)
            option = q.replace(said, word, 1)
            return Answer(status="clarify", agency=slots.agency, options=[option],
                          text=f"报告中没有“{said}”这一项。您是想问“{word}”吗？\n" + _numbered([option]))
    return None


def near(a: Answerer, slots: Slots, reading: Reading, q: str) -> Answer | None:
    """Words close to one item's name: offer that item (a question back, never a silent pick)."""
    names = _names(a.lex)
    for chunk in _chunks(reading):
        fits: list[tuple[float, str, str]] = []  # score, alias, the words of the question it stands for
        for alias in names:
            al = fuzz.partial_ratio_alignment(alias, chunk, score_cutoff=NEAR_MIN)
            if al is None:
                continue
            n = len(alias)  # the words it stands for: as long as the name (不掌控 for 不掌握)
            # the aligned span and the windows one character either side of it (the alignment finds one of the
            # windows as close: 和不掌 for 不掌控 in “…和不掌控相关信息”)
            starts = range(max(0, min(al.dest_start, al.dest_end - n) - 1), max(al.dest_start, al.dest_end - n) + 2)
            for said in {chunk[i:i + n] for i in starts}:
                score = fuzz.ratio(alias, said)
                shared = set(said) & set(alias)
                if len(said) == n and score >= NEAR_MIN and len(shared) >= SHARED_MIN and shared - EVERY_ITEM:
                    fits.append((score, alias, said))
        if not fits:
            continue
        best = max(f[0] for f in fits)
        concepts = {names[alias] for score, alias, _ in fits if score >= best}
        if len(concepts) != 1:
            continue  # as close to two items: no guess
        # the words it stands for: of the windows as close, the one fewest edits away (不掌控, not 和不掌), the first
        said = min((Levenshtein.distance(alias, w), chunk.find(w), w) for score, alias, w in fits if score >= best)[2]
        item = _item_name(concepts.pop(), a.lex, a.cat)
        option = f"{_prefix(a, slots)[0]}{item}多少件"
        return Answer(status="clarify", agency=slots.agency, options=[option],
                      text=f"报告中没有“{said}”这一项。您是想问“{item}”吗？\n" + _numbered([option]))
    return _typo(a, slots, reading, q)  # no longer name is close: a two-character word one character off


def unknown(a: Answerer, slots: Slots, reading: Reading) -> Answer:
    """Nothing fits: say which words the reports do not know (in the report asked, when one is), and what
    can be asked."""
    whole = [m.group(0) for m in WHOLE_TERMS.finditer(reading.text)]  # “主动公开”, not its piece “主动”
    said = [next((t for t in whole if w in t), w) for w in reading.unexplained if len(w) >= 2]
    words = "、".join(list(dict.fromkeys(said))[:3])
    year = slots.years[0] if slots.agency and len(slots.years) == 1 else None
    if year is not None and words:  # “那2021年呢” after a prose figure: that report does not say it
        said = f"{slots.agency}{year}年的年报中没有找到“{words}”的数字或内容。"
    else:
        said = f"年报中没有“{words}”这一项的数字或内容。" if words else "年报中没有找到与这个问题对应的数字或内容。"
    return Answer(status="unknown", agency=slots.agency if year else None, year=year,
                  text=said + "可以问：" + "；".join(a.examples(2)))


def which_item(a: Answerer, q: str, op_start: int) -> Answer:
    """An operation with no item (“平潭三年哪年最多”): ask which, the most-asked items put in the question."""
    options = [q[:op_start] + item + q[op_start:] for item, _ in a.lex.most_asked]
    return Answer(status="clarify", options=options, text="您想比较哪一项？可以选一个，或直接提问：\n" + _numbered(options))


def dead_end(a: Answerer, slots: Slots, reading: Reading, q: str) -> Answer:
    """The reply when no item and no prose figure fits the question."""
    return vague(a, slots, reading) or near(a, slots, reading, q) or unknown(a, slots, reading)


def as_read(a: Answerer, said: str, agency: str, q: str) -> Answer:
    """The one loaded body whose name ends with what was said (实验区, 经开区): answered, saying how the name
    was read (a question back with a single option would only add a turn)."""
    ans = a._answer(q.replace(said, agency) if said in q else agency + q)
    ans.text = f"“{said}”按{agency}理解。\n{ans.text}" if ans.status == "answered" else ans.text
    return ans


def which_side(q: str, span: tuple[int, int], reading: Reading, labels: list[str], slots: Slots) -> Answer | None:
    """“予以公开比结果纠正多多少”: one side of a comparison of two items names several (复议's or 诉讼's
    结果纠正) — the question asked back with each, never one side's figure alone; None when its words are
    not found in it."""
    if not reading.hits:
        return None
    start = span[0] + min(h.start for h in reading.hits)
    end = span[0] + max(h.end for h in reading.hits)
    options = [q[:start] + lab + q[end:] for lab in labels]
    return Answer(status="clarify", options=options, agency=slots.agency,
                  year=slots.years[0] if len(slots.years) == 1 else None,
                  text="这个问题可以有几种理解，您问的是哪一个？\n" + "\n".join(f"{i}. {o}" for i, o in enumerate(options, 1)))
