"""Match a question to what the reports hold: template fields (by alias spans) and prose figures.

Table fields: every alias of knowledge/synonyms.json found in the question, longest first, exact
or (for long aliases) within one edit by rapidfuzz.  What no alias explains is segmented with
jieba; words that are not stopwords are "unexplained" — a question about something the template
has no field for ("行政复议的律师费") keeps them, and the answerer then says the reports don't say.
Prose figures: each sentence figure is scored by how much of the question's content its clause
and sentence contain (rapidfuzz partial_ratio per word).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from bot.understand import segment
from bot.understand.lexicon import Concept, Lexicon, same_channel
from knowledge.models import Fact

# single characters that never carry a question's topic
_FUNCTION_CHARS = frozenset("几件起条个篇次项家宗期场份了的是有吗呢啊呀吧么哪共数查问案年中里在被和与及还都已提开类因那该这为给对按将能多少各一得地着过把从并或人位们去报所上下请内?,.!:;、 ")
# domain words too common to decide between two prose figures
WEAK = frozenset({"公开", "信息", "政府信息", "申请", "办理", "处理", "结果", "工作", "政务", "政府", "全年", "今年", "本年",
                  "共", "累计", "发布", "数量", "情况", "全区", "全市", "我区", "我市",
                  "占多少", "占多大", "占比", "比例", "所占", "百分比", "比重"})  # how a share is asked
FUZZY_MIN_LEN = 5
FUZZY_CUTOFF = 80.0
FUZZY_KINDS = frozenset({"apply_rows", "review_groups", "active_rows", "applicants"})  # not sections: too loose


@dataclass
class Hit:
    """An alias found in the question."""

    concept: Concept
    alias: str
    start: int
    end: int
    fuzzy: bool = False


@dataclass
class Reading:
    """What the question names: concept hits and the words nothing explains."""

    text: str
    hits: list[Hit] = field(default_factory=list)
    unexplained: list[str] = field(default_factory=list)
    lex: Lexicon | None = None
    _words: list[str] | None = None

    def ids(self, kind: str) -> list[str]:
        """Concept ids of one kind, in question order, without repeats."""
        out: list[str] = []
        for h in sorted(self.hits, key=lambda h: h.start):
            if h.concept.kind == kind and h.concept.id not in out:
                out.append(h.concept.id)
        return out

    @property
    def words(self) -> list[str]:
        """Content words of the question, for prose matching (segmented when first needed)."""
        if self._words is None:
            lex = self.lex
            self._words = [w for w in segment.cut(self.text) if lex is None or not _explained(w, lex) or w in WEAK]
        return self._words

    def has(self, kind: str) -> bool:
        """Whether any concept of that kind was named."""
        return any(h.concept.kind == kind for h in self.hits)


def _explained(word: str, lex: Lexicon) -> bool:
    return word in lex.stopwords or all(c in _FUNCTION_CHARS or c.isspace() for c in word)


def _all_function_words(chunk: str, lex: Lexicon) -> bool:
    """Whether chunk splits wholly into function words (政府信息公开|申请|多少|件): nothing for the
    segmenter to find, so a one-shot question does not load its dictionary for it."""
    ends = {0}
    for i in range(len(chunk)):
        if i in ends:
            ends.update(j for j in range(i + 1, min(len(chunk), i + 8) + 1) if _explained(chunk[i:j], lex))
    return len(chunk) in ends


_TABLE_TWO = frozenset({"主动公开", "主动"})  # table 二's name (主动公开政府信息情况) as people say it
# Two slots a question fills side by side: what (a row, group, section) and whose/which column.
# An alias blocks overlapping aliases of its own slot only (“政府集中采购” + “采购项目数量”).
COLUMN_KINDS = frozenset({"applicants", "review_columns", "active_columns"})


def _order(alias: str, lex: Lexicon) -> int:
    return 0 if alias in lex.exclusive else 2 if alias in lex.general else 1


def read(text: str, lex: Lexicon) -> Reading:
    """Find the concepts a normalised question names and what is left over."""
    taken = {False: [False] * len(text), True: [False] * len(text)}
    reading = Reading(text=text)
    # one automaton pass finds every alias; taken longest first (then leftmost), as a scan per alias would
    # printed labels first (`3.其他`, `申请人情况`): their characters are no part of another word, in either slot
    # and the general words last (申请数量, 提出: 新收 only when no other row is named — they never block one)
    found = sorted((_order(lex.aliases[rank][0], lex), -len(lex.aliases[rank][0]), end - len(lex.aliases[rank][0]) + 1,
                    rank) for end, rank in lex.automaton.iter(text))
    hard = [False] * len(text)  # characters of a printed label
    rows: list[tuple[int, int]] = []  # spans of row-slot hits: a column word inside one is part of it (其他处理)
    for order, _, i, rank in found:
        loose = order > 0
        alias, concepts = lex.aliases[rank]
        j = i + len(alias)
        if any(hard[i:j]):
            continue
        inside = any(a <= i and j <= b and b - a > j - i for a, b in rows)
        fits = [c for c in concepts if not any(taken[c.kind in COLUMN_KINDS][i:j])
                and not (inside and c.kind in COLUMN_KINDS)]
        if fits and not loose:
            hard[i:j] = [True] * (j - i)
        if any(c.kind not in COLUMN_KINDS for c in fits):
            rows.append((i, j))
        reading.hits.extend(Hit(c, alias, i, i + len(alias)) for c in fits)
        for c in fits:
            taken[c.kind in COLUMN_KINDS][i : i + len(alias)] = [True] * len(alias)
    covered = [a or b for a, b in zip(taken[False], taken[True], strict=True)]
    for word, concepts in lex.ambiguous.items():  # a word naming several items alike: all of them, to ask
        at = text.find(word)
        while at >= 0:
            if not any(covered[at : at + len(word)]):
                reading.hits.extend(Hit(c, word, at, at + len(word)) for c in concepts)
                covered[at : at + len(word)] = [True] * len(word)
            at = text.find(word, at + len(word))
    # typos beyond the listed ones: long aliases within one edit
    leftover = "".join(" " if t else c for c, t in zip(text, covered, strict=True))
    if len(leftover.replace(" ", "")) >= FUZZY_MIN_LEN - 1:
        for alias, concepts in lex.aliases:
            if len(alias) < FUZZY_MIN_LEN:
                break
            concepts = [c for c in concepts if c.kind in FUZZY_KINDS]
            if not concepts:
                continue
            al = fuzz.partial_ratio_alignment(alias, leftover, score_cutoff=FUZZY_CUTOFF)
            if al is None or al.dest_end - al.dest_start < len(alias) - 1:
                continue
            span = range(al.dest_start, al.dest_end)
            if any(covered[k] for k in span) or " " in leftover[al.dest_start : al.dest_end]:
                continue
            reading.hits.extend(Hit(c, alias, al.dest_start, al.dest_end, fuzzy=True) for c in concepts)
            for k in span:
                covered[k] = True
            leftover = "".join(" " if t else c for c, t in zip(text, covered, strict=True))
    # 主动公开 before an item of table 二 (主动公开规范性文件) is the table's own name, not an item of its own
    heading = _TABLE_TWO if any(h.concept.kind == "active_rows" for h in reading.hits) else ()
    for chunk in leftover.split():
        if _all_function_words(chunk, lex) or chunk in heading:  # nothing but function words: no need to segment
            continue
        for word in segment.joined(chunk, lambda w: _explained(w, lex)):
            if not _explained(word, lex) and word not in heading:
                reading.unexplained.append(word)
    reading.lex = lex
    return reading


@dataclass
class ProseMatch:
    """A prose figure and how well it fits the question (0–1)."""

    fact: Fact
    score: float


_CLAUSE_END = re.compile(r"[，,；;。：:！!？?]")
_CLAUSE_START = re.compile(r"[，,；;。：:！!？?（(]")  # a bracket opens a breakdown: “2602条（其中…82条”


def _figure_at(sentence: str, raw: str, start: int) -> int:
    """Where the figure raw stands in the sentence, not inside a longer number (“9条” in “249条”)."""
    i = sentence.find(raw, start)
    while i > 0 and (sentence[i - 1].isdigit() or sentence[i - 1] == "."):
        i = sentence.find(raw, i + 1)
    return i


def clause_of(sentence: str, fact: Fact) -> str:
    """The part of the sentence around the figure, between commas (enumeration commas kept)."""
    anchor = sentence.find(fact.source.row) if fact.source.row else -1
    at = _figure_at(sentence, fact.raw, max(anchor, 0)) if fact.raw else -1
    if at < 0:
        return fact.source.row or sentence
    starts = [m.end() for m in _CLAUSE_START.finditer(sentence, 0, at)]
    end = _CLAUSE_END.search(sentence, at + len(fact.raw))
    lo, hi = (starts[-1] if starts else 0), (end.start() if end else len(sentence))
    if sentence[lo:at].strip() in ("占", "约占", "占比", "占比为", "比例为") and len(starts) > 1:
        lo = starts[-2]  # “予以公开及部分公开42件，占51.85%”: the share belongs to the clause before
    clause = sentence[lo:hi]
    # a bracket opened after the figure and closed past the clause is not part of it
    tail = clause[at - lo + len(fact.raw):]
    for opener, closer in (("（", "）"), ("(", ")")):
        if opener in tail and closer not in tail[tail.index(opener):]:
            clause = clause[: at - lo + len(fact.raw) + tail.index(opener)]
            tail = clause[at - lo + len(fact.raw):]
    # nor is what follows a bracket closed after the figure and opened before the clause
    # (“…其他应主动公开政府信息856条)对于主动公开的政府信息”)
    head = clause[: at - lo + len(fact.raw)]
    for opener, closer in (("（", "）"), ("(", ")")):
        if closer in tail and head.count(opener) <= head.count(closer) and opener not in tail[: tail.index(closer)]:
            clause = head + tail[: tail.index(closer)]
            tail = clause[len(head):]
    return clause


def _weight(word: str) -> float:
    return 0.3 if word in WEAK else float(len(word))


def _found(word: str, text: str) -> bool:
    if word in text or same_channel(word, text):
        return True
    return len(word) >= 3 and fuzz.partial_ratio(word, text, score_cutoff=80) > 0


def score_prose(words: list[str], fact: Fact, unit_hint: str | None,
                named: re.Pattern[str] | None = None, named_words: str = "") -> float:
    """How much of the question's content the figure's clause (full) and sentence (part) hold.

    named: the clause pattern of a prose concept the question names (主动公开政府信息 …): a clause
    matching it fits at least NAMED_FLOOR, before the weighing-down of breakdown items.
    """
    if not words:
        return 0.0
    sentence = fact.source.sentence or fact.source.row or ""
    clause = clause_of(sentence, fact)
    total = got = 0.0
    for w in words:
        wt = _weight(w)
        total += wt
        if _found(w, clause):
            got += wt
        elif _found(w, sentence):
            got += 0.6 * wt
    score = got / total if total else 0.0
    if named is not None and named.search(clause) and all(w in named_words or w in WEAK or _found(w, sentence)
                                                           for w in words):
        score = max(score, NAMED_FLOOR)  # the clause says the very thing asked, in other words
    if unit_hint and fact.unit and unit_hint != fact.unit:
        if _unit_class(unit_hint) != _unit_class(fact.unit):
            return 0.0  # 多少人 is never answered with 次, 占比 never with 件
        score *= 0.9
    asked = "".join(words)
    said_whole = any(a + b in clause for a, b in zip(words, words[1:], strict=False))  # 其中政务微信…: as asked
    if any(q in clause and q not in asked for q in QUALIFIERS) and not (said_whole and not _OTHER.search(clause)):
        score *= 0.7  # “其他应主动公开政府信息1053条” is not the whole of 主动公开
    if _in_brackets(sentence, clause):
        score *= 0.85  # a breakdown item, “(其中…)”: the total outside the brackets fits better
    return score


NAMED_FLOOR = 0.8
UNIT_CLASSES = ({"条", "件", "篇", "个", "项", "份", "期", "起", "家", "宗", "场"}, {"人", "人次", "名"},
                {"次", "场次", "批次"}, {"元", "万元"}, {"%"})


def _unit_class(unit: str) -> int:
    return next((i for i, c in enumerate(UNIT_CLASSES) if unit in c), -1)


QUALIFIERS = ("其他", "其它", "其中", "另有", "此外")
_OTHER = re.compile("其他|其它")  # the rest of a breakdown: never the item it names, however said


def _in_brackets(sentence: str, clause: str) -> bool:
    at = sentence.find(clause)
    if at < 0:
        return False
    before = sentence[:at]
    return before.count("（") + before.count("(") > before.count("）") + before.count(")")


def named_concept(text: str, lex: Lexicon) -> tuple[re.Pattern[str], str] | None:
    """The clause pattern of the prose concept a question names, and the words that named it."""
    for _cid, asked, clause in lex.prose_concepts:
        said = next((a for a in asked if a in text), None)
        if said:
            return clause, said
    return None


def _item_chars(fact: Fact) -> set[str]:
    item = fact.source.row or ""
    if fact.raw and fact.raw in item:
        item = item[: item.index(fact.raw)]
    return {c for c in item if "\u4e00" <= c <= "\u9fff" and c not in _FUNCTION_CHARS}


def item_precision(fact: Fact, rivals: list[Fact], question: str) -> float:
    """How much of what sets this figure's item apart from its rivals' (“月” of “月通报7次” against
    “季度通报3次”) the question repeats."""
    own = _item_chars(fact) - set().union(*(_item_chars(r) for r in rivals))
    return sum(c in question for c in own) / len(own) if own else 0.0


def best_prose(words: list[str], facts: list[Fact], unit_hint: str | None,
               named: tuple[re.Pattern[str], str] | None = None) -> list[ProseMatch]:
    """Prose figures ranked by fit, best first (only those with some fit)."""
    pattern, said = named if named else (None, "")
    ranked = [ProseMatch(f, score_prose(words, f, unit_hint, pattern, said)) for f in facts]
    ranked = [m for m in ranked if m.score > 0]
    ranked.sort(key=lambda m: m.score, reverse=True)
    return ranked


_LEAD = re.compile(r"^(?:其中|另有|此外|共计|共|全年|今年|本年度|本年|累计|合计|总计|全市|全区|全县|已)+")
_CUMULATIVE = re.compile(r"累计|截至|截止|以来|历年")
NAMED_MIN = 0.5  # a figure whose item the question repeats word for word may fit less well overall
ITEM_MIN = 3


def item_parts(fact: Fact) -> list[str]:
    """The words of a prose figure's item around its number (“其中专项资金152条” → [专项资金])."""
    clause = fact.source.row or ""
    raw = fact.raw or ""
    if not raw or raw not in clause:
        return []
    before, after = clause.split(raw, 1)
    if fact.unit and after.startswith(fact.unit):
        after = after[len(fact.unit):]
    parts = [_LEAD.sub("", before.strip("，,、；;：:（(）) ")), after.strip("，,、；;：:（(）) 。")]
    return [p for p in parts if len(p) >= 2]


def named_item(ranked: list[ProseMatch], question: str, asks_year: bool) -> ProseMatch | None:
    """The figure whose item the question repeats word for word, the longest such (“部门预决算公开” over
    “预决算公开”); for a question about a year, never a cumulative one (累计, 截至 …) when a year's own
    figure fits as well."""
    fits = [m for m in ranked[:12] if m.score >= NAMED_MIN]
    if asks_year and any(not _CUMULATIVE.search(m.fact.source.row or "") for m in fits):
        fits = [m for m in fits if not _CUMULATIVE.search(m.fact.source.row or "")]
    named = []
    for m in fits:
        parts = item_parts(m.fact)
        if parts and all(p in question or _shortened(p, question) for p in parts) and sum(map(len, parts)) >= ITEM_MIN:
            named.append((sum(map(len, parts)), m))
    if not named:
        return None
    named.sort(key=lambda lm: lm[0], reverse=True)
    if len(named) > 1 and named[1][0] == named[0][0] and named[1][1].fact.value != named[0][1].fact.value:
        return None
    return named[0][1]


def _shortened(item: str, question: str) -> bool:
    """Whether the question says the item by a short name: its head and its tail with one run between left
    out (12345热线 of 12345政务服务热线), at least half of it, and more than words every item has (政府信息)."""
    for head in range(2, len(item) - 1):
        for tail in range(2, len(item) - head):
            short = item[:head] + item[-tail:]
            if 2 * len(short) >= len(item) and short in question and _WEAK_RUN.sub("", short):
                return True
    return False


_WEAK_RUN = re.compile("|".join(sorted(WEAK, key=len, reverse=True)))


def named_rivals(ranked: list[ProseMatch], own: ProseMatch, question: str) -> list[ProseMatch]:
    """Other fitting figures whose clause also holds the named item's words, with another value, and
    whose other words the question says too (“发布了多少件政策解读”: “公报…政策解读83件” and “门户网站发布
    政策解读共132件”); not a more specific item the question does not name (部门预决算公开 for 预决算公开)."""
    words = item_parts(own.fact)
    said = set(question) - set("".join(words)) - set("的了是有多少几件条个次项共计达为")
    out = []
    for m in ranked[:12]:
        if m is own or m.score < NAMED_MIN or m.fact.value == own.fact.value or m.fact.unit != own.fact.unit:
            continue
        if words and all(w in (m.fact.source.row or "") for w in words) \
                and set("".join(item_parts(m.fact))) - set("".join(words)) & said:
            out.append(m)
    return out


def year_own(ranked: list[ProseMatch], asks_year: bool) -> ProseMatch:
    """The best figure; for a question about a year, a cumulative one (累计, 截至 …) gives way to the
    year's own figure in the same sentence when that fits nearly as well."""
    top = ranked[0]
    if not asks_year or not _CUMULATIVE.search(top.fact.source.row or ""):
        return top
    sentence = top.fact.source.sentence
    own = [m for m in ranked[1:] if m.score >= top.score - 0.1 and m.fact.unit == top.fact.unit
           and m.fact.source.sentence == sentence and not _CUMULATIVE.search(m.fact.source.row or "")]
    return own[0] if own else top
