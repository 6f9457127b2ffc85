"""Agency resolution, done like entity linking: mentions in the question → candidate loaded bodies → scores.

Every loaded report's agency (and the names the report gives itself) is split into region and body
(names.py); the index maps each name people use for a region or a body to what it names.  A question is
scanned once, left to right, longest name first (linear in its length); adjacent mentions form one phrase
(河南 开封市 教育局); each phrase is scored against the loaded bodies and wins only when clearly ahead.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.understand.names import (
    _WORDS,
    DEPT,
    GOV,
    OFFICE,
    Split,
    body_forms,
    inner_bodies,
    region_forms,
    split,
)
from bot.understand.regions import divisions
from knowledge.models import Report
from knowledge.store.lazy import Unpacked

REGION, BODY, GOVT, NAME, UNKNOWN = "region", "body", "gov", "name", "unknown"
_JOIN = re.compile(r"^[ 的]?$")  # what may stand between the words of one agency's name
# Words after a region that name a body of it which is not loaded (开封交通运输局): never another body.
_BODYISH = re.compile(r"^的?([\u4e00-\u9fff]{1,10}?(?:委员会|办公室|办公厅|办事处|管委会|管理委员会|中心|局|委|厅|署))")
_NOT_BODY = re.compile(r"多少|几|哪|什么|是否|有没有|怎么|年|件|申请|复议|诉讼|公开")
_LEAD_WORDS = re.compile(r"^(?:那么|那|还有|另外|请问|查询|查一下|查|看看|看一下|告诉我|我想知道|想知道|和|与|及|跟|、)+")
_LEVEL_CHAR = "省市县区州镇乡旗盟"
_VERB_AFTER_BAN = set("理结件法事")


@dataclass
class Resolution:
    """Which loaded agencies a question names, or why none can be taken."""

    agencies: list[str] = field(default_factory=list)  # resolved, in the order named
    unknown: str | None = None  # a name said that no loaded report has (“开封交通运输局”)
    nearby: list[str] = field(default_factory=list)  # for unknown/options: loaded bodies of the same region
    options: list[str] = field(default_factory=list)  # agencies to choose between (clarify)
    suggest: str | None = None  # a loaded name one character away from what was said (“您是指…吗？”)
    said: str | None = None  # the words that named the agency (to be replaced in a re-asked question)
    note: str | None = None  # one short clause for the reply (“按开封市人民政府年报回答…”)
    rest: str = ""  # the text without the agency words


@dataclass
class _Mention:
    start: int
    end: int
    kind: str
    keys: set[str]


class AgencyIndex:
    """Names of every loaded body, indexed by their first two characters; built once per knowledge base.

    Built from the reports (or the agencies' own names, `of_names`), or read back from what `packed`
    wrote (`from_packed`: nothing is made until a question reads it); `extended` adds bodies to a
    packed index without remaking the others.
    """

    def __init__(self, reports: Iterable[Report] = (), aliases: dict[str, str] | None = None) -> None:
        self.splits: Mapping[str, Split] = {}
        self.years: Mapping[str, Any] = defaultdict(set)  # agency → its years (a set, or a sorted list)
        self.names: Mapping[str, set[tuple[str, str]]] = defaultdict(set)  # form → {(kind, key)}
        self.in_region: Mapping[str, set[str]] = defaultdict(set)  # region → agencies inside it
        self.with_body: Mapping[str, set[str]] = defaultdict(set)  # body form → agencies
        self.own: dict[str, list[str]] = {}  # agency → the short names its reports give (what it was made of)
        for r in reports:
            self.years[r.agency].add(r.year)
            if r.agency not in self.splits:
                self._add(r.agency, list(r.aliases))
            else:
                for a in r.aliases:
                    self.names[a].add((NAME, r.agency))
                    self.own[r.agency] += [a] if a not in self.own[r.agency] else []
        for alias, agency in (aliases or {}).items():  # a plain alias table (tests, old callers)
            self.years.setdefault(agency, set())
            self.splits.setdefault(agency, split(agency))
            self.names[alias].add((NAME, agency))
        for form in ("人民政府", "政府", "管委会", "管理委员会"):  # “沭阳县人民政府” asks for the government only
            self.names[form].add((GOVT, ""))
        self._heads()

    def _heads(self) -> None:
        self._name_list: list[str] | None = None
        self._positions: dict[str, int] | None = None
        self._near: tuple[dict[tuple[str, int], list[int]], dict[str, list[int]]] | None = None
        self.by_head: Mapping[str, list[str]] = {}
        for form in sorted(self.names, key=len, reverse=True):
            if len(form) >= 2:
                self.by_head.setdefault(form[:2], []).append(form)  # type: ignore[attr-defined]

    @classmethod
    def of_names(cls, own: dict[str, list[str]], years: Mapping[str, Any]) -> AgencyIndex:
        """The index of agencies (→ the short names their reports give themselves) and their years."""
        index = cls()
        for agency, names in own.items():
            index._add(agency, list(names))
        index.years = years
        index._heads()
        return index

    def packed(self) -> dict[str, Any]:
        """Everything but the years as plain JSON data, agencies by number (see from_packed)."""
        agencies = list(self.splits)
        number = {a: i for i, a in enumerate(agencies)}
        paths: dict[tuple[str, ...], int] = {}

        def path(p: tuple[str, ...]) -> int:
            return paths.setdefault(p, len(paths))

        def flat(items: list[Any]) -> str:  # one string parses far faster than nested lists; no item holds a
            return "\t".join(str(x) for x in items)  # tab (names are whitespace-free, agencies are numbers)

        return {"agencies": agencies,
                "aliases": {a: names for a, names in self.own.items() if names},
                "splits": [flat([path(s.path), path(s.named), s.body, s.kind]) for s in self.splits.values()],
                "paths": [list(p) for p in paths],
                "names": {f: flat([x for k, key in sorted(v) for x in (k, number[key] if k == NAME else key)])
                          for f, v in self.names.items()},
                "in_region": {k: sorted(number[a] for a in v) for k, v in self.in_region.items()},
                "with_body": {k: sorted(number[a] for a in v) for k, v in self.with_body.items()},
                "by_head": self.by_head}

    @classmethod
    def from_packed(cls, data: dict[str, Any], years: Mapping[str, Any]) -> AgencyIndex:
        """The index packed() wrote, read lazily, with the knowledge base's years."""
        agencies, paths = data["agencies"], data["paths"]
        index = cls.__new__(cls)
        index.own = {}  # (only a built index is packed)
        def split_of(agency: str, v: str) -> Split:
            p, named, body, kind = v.split("\t")
            return Split(agency, tuple(paths[int(p)]), tuple(paths[int(named)]), body, kind)

        def names_of(_: str, v: str) -> set[tuple[str, str]]:
            items = v.split("\t")
            return {(k, agencies[int(key)] if k == NAME else key)
                    for k, key in zip(items[::2], items[1::2], strict=True)}

        index.splits = Unpacked(dict(zip(agencies, data["splits"], strict=True)), split_of)
        index.names = Unpacked(data["names"], names_of)
        index.in_region = Unpacked(data["in_region"], lambda _, v: {agencies[i] for i in v})
        index.with_body = Unpacked(data["with_body"], lambda _, v: {agencies[i] for i in v})
        index.years = years
        index._name_list, index._positions, index._near = None, None, None
        index.by_head = data["by_head"]
        return index

    @classmethod
    def extended(cls, data: dict[str, Any], own: dict[str, list[str]], years: Mapping[str, Any]) -> AgencyIndex | None:
        """A packed index with the agencies added since it was made; None when some were removed or renamed."""
        aliases = data["aliases"]
        if any(own.get(a) != aliases.get(a, []) for a in data["agencies"]):
            return None
        old = cls.from_packed(data, years)
        index = cls.__new__(cls)
        index.own = {a: own[a] for a in data["agencies"]}
        index.splits = dict(old.splits.items())
        index.names = defaultdict(set, old.names.items())
        index.in_region = defaultdict(set, old.in_region.items())
        index.with_body = defaultdict(set, old.with_body.items())
        for agency, names in own.items():
            if agency not in index.splits:
                index._add(agency, list(names))
        index.years = years
        index._heads()
        return index

    def _add(self, agency: str, own: list[str]) -> None:
        s = split(agency)
        self.splits[agency] = s  # type: ignore[index]
        self.own[agency] = own
        full = {agency, re.sub(r"\s+", "", agency), *own}
        for inner in re.findall(r"[（(]([^（）()]{2,})[）)]", agency):  # 国家新闻出版署（国家版权局）
            full |= {inner, re.sub(r"[（(][^（）()]*[）)]", "", agency)}
        for n in full:
            self.names[n].add((NAME, agency))
        for region in s.path:
            self.in_region[region].add(agency)
            for form in region_forms(region):
                self.names[form].add((REGION, region))
        if s.kind == GOV:
            for form in body_forms(s.body, GOV):
                self.names[form].add((GOVT, ""))
        elif s.path:
            for form in body_forms(s.body, s.kind):
                self.names[form].add((BODY, form))
                self.with_body[form].add(agency)
        for body, kind in inner_bodies(agency) if s.path else ():  # …人民政府(县人民政府办公室): its office too
            for form in body_forms(body, kind):
                self.names[form].add((BODY, form))
                self.with_body[form].add(agency)

    def name_list(self) -> list[str]:
        """Every name in index order (made once, on the first misspelling looked up)."""
        if self._name_list is None:
            self._name_list = list(self.names)
        return self._name_list

    def name_positions(self) -> dict[str, int]:
        """Each name's position in name_list."""
        if self._positions is None:
            self._positions = {form: i for i, form in enumerate(self.name_list())}
        return self._positions

    def near_buckets(self) -> tuple[dict[tuple[str, int], list[int]], dict[str, list[int]]]:
        """Positions in name_list by (first character, length) and by the name without its first character."""
        if self._near is None:
            heads: dict[tuple[str, int], list[int]] = defaultdict(list)
            tails: dict[str, list[int]] = defaultdict(list)
            for i, form in enumerate(self.name_list()):
                if form:
                    heads[(form[0], len(form))].append(i)
                    tails[form[1:]].append(i)
            self._near = (dict(heads), dict(tails))
        return self._near

    # ------------------------------------------------------------------ scanning
    def mentions(self, text: str) -> list[_Mention]:
        """Leftmost-longest names in text (one pass; each step looks only at names sharing two characters)."""
        out: list[_Mention] = []
        i = 0
        while i < len(text) - 1:
            form = next((f for f in self.by_head.get(text[i : i + 2], ()) if text.startswith(f, i)), None)
            if form is None:
                i += 1
                continue
            if form[-1] == "办" and text[i + len(form) : i + len(form) + 1] in _VERB_AFTER_BAN:
                i += 1  # 政府办理、办结: a verb, not 政府办
                continue
            kinds = {k for k, _ in self.names[form]}
            kind = NAME if NAME in kinds else REGION if REGION in kinds else BODY if BODY in kinds else GOVT
            j = i + len(form)
            if kind == REGION and j < len(text) and text[j] in _LEVEL_CHAR and form[-1] not in _LEVEL_CHAR \
                    and form + text[j] not in self.names and text[j : j + 2] not in _WORDS \
                    and not self._body_at(text, j):  # 南华市监局: 市 begins the body, 南华市 is no place
                kind, form, j = UNKNOWN, form + text[j], j + 1  # 淮安区 is not 淮安市, 平潭县 not 平潭综合实验区
                out.append(_Mention(i, j, kind, set()))
                i = j
                continue
            if kind == REGION and form[-1] in _LEVEL_CHAR and (stem := form[:-1]) in self.names:
                nxt = next((f for f in self.by_head.get(text[j - 1 : j + 1], ()) if text.startswith(f, j - 1)), None)
                if nxt is not None and any(k == BODY for k, _ in self.names[nxt]):  # 开封市场监管局
                    form, j = stem, j - 1
            out.append(_Mention(i, j, kind, {key for k, key in self.names[form] if k == kind}))
            i = j
        return out

    def place_named(self, m: _Mention) -> _Mention | None:
        """A full name that is only a place (a report calling itself 桐梓县) as that place's mention, else None."""
        if m.kind != NAME or not m.keys or any(self.splits[a].kind != GOV or self.splits[a].body for a in m.keys):
            return None
        return _Mention(m.start, m.end, REGION, {self.splits[a].region for a in m.keys})

    def bodies(self) -> dict[str, list[str]]:
        """Each department's body name (行政审批服务局) → the loaded agencies of that name (made on first use)."""
        got = getattr(self, "_bodies", None)
        if got is None:
            got = {}
            for agency, s in self.splits.items():
                if s.kind != GOV:
                    got.setdefault(s.body, []).append(agency)
            self._bodies: dict[str, list[str]] | None = got
        return got

    def _body_at(self, text: str, j: int) -> bool:
        """Whether a loaded body's name (市监局, 市场监管局) begins at j."""
        form = next((f for f in self.by_head.get(text[j : j + 2], ()) if text.startswith(f, j)), None)
        return form is not None and any(k == BODY for k, _ in self.names[form])

    def region_agencies(self, regions: set[str]) -> set[str]:
        """Loaded agencies whose region path holds one of regions."""
        return set().union(*(self.in_region.get(r, set()) for r in regions)) if regions else set()

    def has_year(self, agency: str, years: list[int]) -> bool:
        """Whether the agency has a report for one of the years (any year when none is asked)."""
        have = self.years.get(agency, ())
        return not years or any(y in have for y in years)


def resolve_agencies(text: str, index: AgencyIndex, years: list[int] | None = None,
                     context: str | None = None) -> Resolution:
    """The loaded agencies a (normalised, year-free) question names; see the module docstring."""
    from bot.understand.linking_rules import phrases, resolve_phrase, unplaced  # the scoring rules live apart

    res = Resolution(rest=text)
    spans: list[tuple[int, int]] = []
    prefer = index.splits[context].region if context in index.splits else None
    for phrase in phrases(text, index):
        got = resolve_phrase(text, phrase, index, years or [], prefer)
        end = phrase[-1].end
        if got.said and (more := len(got.said) - (end - phrase[0].start)) > 0:  # 平潭 + 发展局 read by the rule
            end += more + (text[end : end + 1] == "的")
        start = phrase[0].start
        if got.agencies and (pre := _place_said(text, start, got.agencies, index)):  # 安顺 + 经开区 (stored unplaced)
            start -= len(pre)
            got.note = got.note or f"“{pre}{text[phrase[0].start : end]}”按{got.agencies[0]}理解"
        spans.append((start, end))
        if got.unknown or got.options or got.suggest:
            got.agencies = res.agencies + got.agencies
            got.rest = _cut(text, spans)
            return got
        for a in got.agencies:
            if a not in res.agencies:
                res.agencies.append(a)
        if got.agencies:
            prefer = index.splits[got.agencies[0]].region
        res.note = res.note or got.note
    if not spans:  # no place or body the index knows: a body by a short name the rule reads (审批局, 那政数局呢)
        got = unplaced(text, index, years or [], prefer)
        if got is not None:
            got.rest = text.replace(got.said or "", " ", 1)
            return got
    res.rest = _cut(text, spans)
    return res


def _place_said(text: str, start: int, agencies: list[str], index: AgencyIndex) -> str:
    """A real place just before the name of one body stored without its place (安顺 of 安顺经开区 when the
    report calls itself 经开区; 孝感 of 孝感临空经济区 for 市临空经济区), else ""."""
    if len(agencies) != 1 or any(p in divisions().codes for p in index.splits[agencies[0]].path):
        return ""
    k = start  # back over the Chinese characters before, as far as the longest division name (15)
    while k > 0 and "\u4e00" <= text[k - 1] <= "\u9fff" and start - k < 15:
        k -= 1
    for i in range(k, start - 1):
        pre = text[i:start]
        if known_place(pre) or (pre[-1] in "省市县区" and known_place(pre[:-1])):
            return pre
    return ""


def _cut(text: str, spans: list[tuple[int, int]]) -> str:
    for i, j in sorted(spans, reverse=True):
        text = text[:i] + " " + text[j:]
    return text


def province_of(text: str) -> list[str]:
    """The province of the division text begins with (郑州教育局 → 河南省), when the table says so unambiguously.

    Every head is tried, longest first: names run to 15 characters (双江拉祜族佤族布朗族傣族自治县)."""
    d = divisions()
    for k in range(len(text), 1, -1):
        head = text[:k]
        names = [head] if head in d.codes else [n for n in d.by_head.get(head[:2], ()) if d.stem(n) == head]
        tops = {(d.ancestors(c) or [d.names[c]])[0] for n in names for c in d.codes[n]}
        if len(tops) == 1:
            return sorted(tops)
        if tops:
            return []
    return []


def known_place(name: str) -> bool:
    """Whether name is a real division in the table (北京 is a place of its own, not a misspelt 南京)."""
    d = divisions()
    return name in d.codes or any(d.stem(n) == name for n in d.by_head.get(name[:2], ()))


__all__ = ["AgencyIndex", "Resolution", "resolve_agencies", "known_place", "province_of", "DEPT", "GOV", "OFFICE"]
