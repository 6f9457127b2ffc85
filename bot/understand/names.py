"""An agency name split into its region and its body, and the shorter names people use for each part.

淮安市洪泽区人民政府 → regions (江苏省, 淮安市, 洪泽区), body 人民政府 (the government);
平潭综合实验区财政金融局 → regions (福建省, 平潭综合实验区), body 财政金融局 → 财政局, 财金局 ….
Short forms come from the split and from data (the lexicon's agency abbreviations, the division table),
never from a list per agency.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from bot.understand import lexicon
from bot.understand.regions import LEVELS, PARKS, Divisions, divisions, level_stem

GOV, OFFICE, DEPT = "gov", "office", "dept"
# A body that is the region's own government (the 片区管理局 of a 片区, the 办事处 of a 街道).
_GOV_BODY = re.compile(r"^(?:人民政府|政府|管委会|管理委员会|党工委管委会|管理局|街道办事处|办事处|人民政府办事处)?$")
_OFFICE_BODY = re.compile(r"^(人民政府|政府|管委会|管理委员会)?(办公室|办公厅)$")
# A region part not in the division table: a zone, a 片区, a street or town (never one holding a body word).
_ZONE = re.compile(r"[\u4e00-\u9fff]{2,10}?(?:" + "|".join(lv for lv in LEVELS if len(lv) > 1) + "|镇|乡)")
_ZONE_FIRST = re.compile(r"[\u4e00-\u9fff]{2,10}?(?:" + "|".join(LEVELS) + ")")
_NOT_REGION = re.compile(r"[和与及局委办厅署院馆站所队]|中心|管理|政府|服务|监督")
_WORDS = {"市场", "市政", "市民", "市容", "区域", "县域", "区划", "镇村", "乡村", "州府"}  # a level word in a longer word
_MODIFIERS = {"国家", "地方", "综合", "行政", "社会", "经济", "市场", "国有", "投资", "农村", "人民", "公共", "城市", "安全"}
_NATIONAL = re.compile(r"国家[\u4e00-\u9fff]{2,8}?总局")
_GENERIC_END = re.compile(r"(?:经济|综合|技术|产业|高新)+$")  # words a zone's name adds to its place
_BORROW = ("综合实验区", "开发区", "经开区", "高新区", "新区", "示范区", "园区", "园", "集聚区", "集中区")  # named after their county
_ZONE_SHORT = (*PARKS, ("综合实验区", ("实验区",)))
_SUFFIXES = (("委员会", ("委员会", "委")), ("办公室", ("办公室", "办")), ("办事处", ("办事处",)), ("局", ("局",)),
             ("委", ("委",)), ("中心", ("中心",)), ("厅", ("厅",)), ("署", ("署",)), ("办", ("办",)))


@dataclass(frozen=True)
class Split:
    """An agency name as region path (top first, with the divisions above it) and body."""

    agency: str
    path: tuple[str, ...]  # e.g. ("江苏省", "淮安市", "洪泽区"); () when no region is named
    named: tuple[str, ...]  # the region parts the name itself prints (淮安市, 洪泽区)
    body: str  # "" for a bare region name; 人民政府, 财政金融局 …
    kind: str  # GOV, OFFICE or DEPT

    @property
    def region(self) -> str:
        """The deepest region (洪泽区), or "" when none is named."""
        return self.path[-1] if self.path else ""


def split(agency: str) -> Split:
    """Region path and body of an agency name (split once per process: index and short names)."""
    return _split_default(agency)


@lru_cache(maxsize=65536)
def _split_default(agency: str) -> Split:
    return _split(agency, divisions())


_PAREN = re.compile(r"[（(][^（）()]*[）)]")


def _split(agency: str, d: Divisions) -> Split:
    name = re.sub(r"\s+", "", agency)
    if len(bare := _PAREN.sub("", name)) >= 2:  # 桐梓县人民政府(县人民政府办公室): the government
        name = bare
    parts: list[str] = []
    codes: list[str | None] = []
    i = 0
    if (up := _NATIONAL.match(name)) and _division_at(name, up.end(), d, None):
        i = up.end()  # 国家税务总局开封市税务局: 开封市's 税务局 (its national administration named first)
    while i < len(name):
        got = _division_at(name, i, d, codes[-1] if codes else None)
        if got is not None and (i == 0 or len(got[0]) >= 3):  # 城区, 郊区 inside a body name are not places
            parts.append(got[0])
            codes.append(got[1])
            i += len(got[0]) + name.startswith("的", i + len(got[0]))
            continue
        m = (_ZONE_FIRST if not parts else _ZONE).match(name, i)
        if m is None or _NOT_REGION.search(m.group(0)[len(_place_head(m.group(0), d)):]) \
                or name[m.end() - 1 : m.end() + 1] in _WORDS:
            if parts and name.startswith("人民政府", i) and not _GOV_BODY.match(name[i:]) \
                    and not _OFFICE_BODY.match(name[i:]) and (kind_of(name[i + 4 :]) or _ZONE.match(name, i + 4)):
                i += 4  # 番禺区人民政府大石街道办事处, 宿迁市人民政府国有资产监督管理委员会: a body of the government
                continue
            break
        home = _home(m.group(0), d)
        if home is not None:  # 南京江北新区, 天津滨海新区: a zone named after the city it lies in
            parts.append(home[0])
            codes.append(home[1])
            i += len(d.stem(home[0]))
            continue
        parts.append(m.group(0))
        codes.append(None)
        i = m.end()
        if name.startswith("的", i):
            i += 1
    body = name[i:]
    path = _path(parts, codes, d)
    kind = GOV if _GOV_BODY.match(body) else OFFICE if _OFFICE_BODY.match(body) else DEPT
    return Split(agency=agency, path=path, named=tuple(parts), body=body, kind=kind)


def _home(zone: str, d: Divisions) -> tuple[str, str] | None:
    """(division, adcode) a zone's name begins with, when the rest names a zone of its own (南京江北新区 →
    南京市, then 江北新区; not 平潭综合实验区 or 苏州工业园区, whose rest is only their kind)."""
    head = _place_head(zone, d)
    rest = zone[len(head):]
    if not head or len(level_stem(rest)) < 2 or level_stem(rest) == rest:
        return None
    homes = [(n, c) for n in d.by_head.get(head[:2], ()) if d.stem(n) == head for c in d.codes[n]]
    if len(homes) > 1:  # 长沙: the city, not 长沙县
        homes = [(n, c) for n, c in homes if c[4:6] == "00"]
    return homes[0] if len(homes) == 1 else None


def _place_head(text: str, d: Divisions) -> str:
    """The stem of a division that text begins with (永和 of 永和高新技术产业开发区: its 和 is no joining word)."""
    return max((st for n in d.by_head.get(text[:2], ()) if text.startswith(st := d.stem(n))), key=len, default="")


def _division_at(name: str, i: int, d: Divisions, above: str | None) -> tuple[str, str | None] | None:
    """(division name, its adcode when known) printed at position i."""
    got = d.prefix(name[i:])
    if got is None:
        return None
    codes = d.codes[got]
    if above is not None:  # 淮安市 then 淮安区: the one inside the division named before it
        inside = [c for c in codes if c.startswith(above[:4] if above[2:4] != "00" else above[:2])]
        codes = inside or codes
    return got, codes[0] if len(codes) == 1 or above is not None else None


def _path(parts: list[str], codes: list[str | None], d: Divisions) -> tuple[str, ...]:
    """The named parts with the divisions above them (for a zone: the province its stem lies in)."""
    out: list[str] = []
    for part, code in zip(parts, codes, strict=True):
        above: list[str] = []
        if code is not None:
            above = d.ancestors(code)
        elif not out and part.endswith(_BORROW):  # 平潭综合实验区: 平潭 is 平潭县, in 福建省
            stem = level_stem(part)
            homes = {d.ancestors(c)[0] for n in d.by_head.get(stem[:2], ()) if d.stem(n) == stem
                     for c in d.codes[n] if d.ancestors(c)}
            above = sorted(homes) if len(homes) == 1 else []
        for a in above:
            if a not in out:
                out.append(a)
        if part not in out:
            out.append(part)
    return tuple(out)


def inner_bodies(agency: str) -> list[tuple[str, str]]:
    """(body, kind) the parenthesised parts of a name say the body also is: 桐梓县人民政府(县人民政府办公室) →
    (人民政府办公室, office) — a part that names its place by its level alone (县…, 市…) or in full (桐梓县人民政府
    (桐梓县人民政府办公室)) is of the same place; one of another place is not."""
    out = []
    for inner in re.findall(r"[（(]([^（）()]{2,})[）)]", agency):
        rel = inner[1:] if inner[0] in _RELATIVE and len(inner) > 3 else inner
        s = split(rel)
        if (not s.path or s.path == split(agency).path) and s.kind != GOV and s.body:
            out.append((s.body, s.kind))
    return out


_RELATIVE = "省市县区州镇乡"  # a name beginning with its level alone (市临空经济区): the place the report is of


def region_forms(region: str) -> set[str]:
    """What people call a region: 开封市, 开封; 平潭综合实验区, 平潭; 新疆维吾尔自治区, 新疆 (thousands of
    bodies share a few regions: each region's forms are made once)."""
    return set(_region_forms_default(region))


@lru_cache(maxsize=65536)
def _region_forms_default(region: str) -> frozenset[str]:
    return frozenset(_region_forms(region, divisions()))


def _region_forms(region: str, d: Divisions) -> set[str]:
    if region[0] in _RELATIVE and region not in d.codes and len(region) > 3 and region[1:] not in d.codes \
            and not d.prefix(region) and not _place_head(region, d):
        # 市临空经济区 (the city's): also 临空经济区, 临空区 … (not 镇江新区: its 镇 begins 镇江, no level alone)
        return {region} | _region_forms(region[1:], d)
    out = {region}
    stem = d.stem(region) if region in d.codes else level_stem(region)
    if len(stem) >= 2:
        out.add(stem)
    core = _GENERIC_END.sub("", stem)
    if region not in d.codes and core != stem and len(core) >= 2:  # 航空港经济综合实验区 → 航空港, 航空港区
        out |= {core, core + "区", core + region[len(stem):].replace("综合", "")}
    if region not in d.codes and (full := next((lg for lg, sh in PARKS if "经开区" in sh and region.endswith("经开区")),
                                               None)) and len(stem) >= 2 and stem == region[:-3]:
        region = stem + full  # 安顺经开区, as its report calls itself: 安顺经济技术开发区's names too
        out.add(region)
    for long, shorts in _ZONE_SHORT:  # 番禺经济技术开发区 → 番禺开发区, 番禺经开区
        if region == long or (region.endswith(long) and stem == region[: -len(long)]):
            head = "" if region == long else stem  # 歙县经济开发区: the zone of the county named before it
            out |= {head + s for s in shorts}
            if stem != region and (not head or (long in dict(PARKS) and stem in d.stems())):
                out.discard(stem)  # a park is not its county: 番禺 is 番禺区 (中关村 is the park)
            break
    return out


def body_forms(body: str, kind: str) -> set[str]:
    """What people call a body (without its region): 财政金融局 → 财政局, 财金局; 人民政府办公室 → 府办 …"""
    return set(_body_forms(body, kind))  # a copy: callers may add to it


@lru_cache(maxsize=65536)
def _body_forms(body: str, kind: str) -> frozenset[str]:
    """body_forms, made once per (body, kind): every county has its 教育局."""
    return frozenset(_make_body_forms(body, kind))


def _make_body_forms(body: str, kind: str) -> set[str]:
    if kind == GOV:
        return {b for b in (body, "人民政府", "政府") if b} if body in ("", "人民政府", "政府") else {body, "政府"}
    if kind == OFFICE:
        m = _OFFICE_BODY.match(body)
        head, tail = (m.group(1) or "", m.group(2)) if m else ("", body)
        if head in ("管委会", "管理委员会"):
            return {body, "管委会" + tail, "管理委员会" + tail, "管委办", "管委会办", tail}
        return {body, "人民政府" + tail, "政府" + tail, "政府办", "府办", "人民政府办", tail}
    out = {body}
    if body.startswith("人民政府") and len(body) >= 5:  # 人民政府办 → 政府办; 人民政府机关 → 政府机关 …
        out.add(body[2:])
    for suffix, shorts in _SUFFIXES:
        if body.endswith(suffix) and len(body) > len(suffix) + 1:
            core = body[: -len(suffix)]
            for c in _core_forms(core):
                for s in shorts:
                    if len(c) + len(s) >= 3:
                        out.add(c + s)
            break
    m = re.match(r"^(.{2,}?)(街道)(办事处)?$", body)
    if m:
        out |= {m.group(1) + "街道", m.group(1) + "街道办"}
    for long, short in lexicon.default().abbreviations:  # a whole body's other names: 发展和改革局 → 发改委
        if body.endswith(long) and len(long) > 2 and long[-1] in "局委办厅":
            out.add(body[: -len(long)] + short)
    for long, shorts in standard():  # the standard short names (department_names.tsv): 林业和草原局 → 林草局
        if body.endswith(long):
            out |= {body[: -len(long)] + s for s in shorts}
            break
    return out


def _core_forms(core: str) -> set[str]:
    """发展和改革 → 发展改革, 发改; 财政金融 → 财政, 财金; 人力资源和社会保障 → 人社."""
    out = {core, core.replace("和", "").replace("与", "")}
    for long, short in lexicon.default().abbreviations:  # data: 住房和城乡建设 → 住建, 市场监督管理 → 市场监管 …
        if long in core:
            out.add(core.replace(long, short))
    joined = re.split(r"[和与及]", core)
    if len(joined) > 1 and all(len(p) >= 2 for p in joined):
        out.add("".join(p[0] for p in joined))  # 发展和改革 → 发改
    for form in list(out):
        if len(form) in (4, 6) and not re.search(r"[和与及局委办]", form):  # not 生态环境局兰考分(局)
            words = [form[k : k + 2] for k in range(0, len(form), 2)]
            out.add("".join(w[0] for w in words))  # 经济发展 → 经发, 卫生健康 → 卫健, 市场监管 → 市监
            if words[0] not in _MODIFIERS:
                out.add(words[0])  # 财政金融 → 财政, 交通运输 → 交通 (not 经济发展 → 经济)
    return {c for c in out if len(c) >= 2}


# ---------------------------------------------------------------- the short-name rule
# A Chinese short name keeps characters of the full name, in order, each the first of a word of it or right
# after another one kept (工信局 ← 工业和信息化局, 审批局 ← 行政审批服务局, 政数局 ← 政务服务和数据管理局,
# 商务局 ← 商务和投资促进局), and ends with the same kind word (局, 委, 办, 中心 …).  The standard short
# names (department_names.tsv beside this file) are data: they are the ones shown to people; a short name
# found by the rule is matched, never shown.

DATA = Path(__file__).with_name("department_names.tsv")

# Kind words a body's name ends with, longest first, and the class they agree by (委员会 and 委 are one kind).
KINDS = (("管理委员会", "管委会"), ("管委会", "管委会"), ("委员会", "委"), ("办公室", "办"), ("办公厅", "厅"),
         ("办事处", "办事处"), ("中心", "中心"), ("局", "局"), ("委", "委"), ("办", "办"), ("厅", "厅"), ("署", "署"),
         ("馆", "馆"), ("支队", "队"), ("大队", "队"), ("所", "所"), ("站", "站"), ("院", "院"))
_JOINS = re.compile(r"[和与及]")
MIN_CORE = 2  # a short name keeps at least two characters before its kind word (财局 names nothing)


@cache
def standard() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(full department name, its standard short names) from the data file, longest full name first."""
    rows = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            full, shorts = line.split("\t")[:2]
            rows.append((full, tuple(s for s in shorts.split(",") if s)))
    return tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True))


@cache
def standard_words() -> frozenset[str]:
    """Every standard department name and short name (交通运输局, 交通局 …): words that name a department."""
    return frozenset(w for full, shorts in standard() for w in (full, *shorts))


def kind_of(name: str) -> tuple[str, str] | None:
    """(core, kind class) of a body name: 行政审批服务局 → (行政审批服务, 局); None without a kind word."""
    for word, cls in KINDS:
        if name.endswith(word) and len(name) > len(word):
            return name[: -len(word)], cls
    return None


@lru_cache(maxsize=65536)
def _starts(core: str) -> frozenset[int]:
    """Where the words of a body's core begin: after 和/与/及, then every two characters (行政|审批|服务)."""
    out: set[int] = set()
    k = 0
    for part in _JOINS.split(core):  # a part of odd length holds a word of three (大数据管理): any may begin one
        out.update(range(k, k + len(part), 2 if len(part) % 2 == 0 else 1))
        k += len(part) + 1
    return frozenset(out)


@lru_cache(maxsize=65536)
def score(word: str, body: str) -> float | None:
    """How well a short word names a body (coverage + tightness, up to 2), or None when the rule says it does not."""
    w, b = kind_of(word), kind_of(body)
    if w is None or b is None or w[1] != b[1] or len(w[0]) < MIN_CORE:
        return None
    said, core = w[0], b[0]
    starts = _starts(core)
    at: list[int] = []
    k = 0
    for ch in said:  # leftmost, each kept character a word's first or right after the one kept before
        while k < len(core) and not (core[k] == ch and (k in starts or (at and at[-1] == k - 1))):
            k += 1
        if k == len(core):
            return None
        at.append(k)
        k += 1
    return len(said) / len(core) + len(said) / (at[-1] - at[0] + 1)


def standard_shorts(body: str) -> tuple[str, ...]:
    """The standard short names of a body (行政审批服务局 → 审批局; 卫生健康委员会 → 卫健委), from the data."""
    return next((shorts for full, shorts in standard() if body == full), ())


# Words after a place that name a body of it: a department's kind, or a level or park of its own (双河镇, 园区).
_PLACE_KINDS = ("街道办事处", "街道办", "街道", "管理委员会", "管委会", "开发区", "高新区", "经开区", "集聚区", "集中区",
                "实验区", "示范区", "工业园", "产业园", "科技园", "园区", "片区", "新区", "镇", "乡")
_KIND_ENDS = frozenset(w[-1] for w in (*(k for k, _ in KINDS), *_PLACE_KINDS))
ZONE_KINDS = _PLACE_KINDS[5:-2]  # a zone of a place asked by its kind alone (开封示范区, 苏州园区)
_AFTER = re.compile(r"^的?([\u4e00-\u9fff]{1,12})")
_STOP = re.compile(r"网站|多少|几|哪|什么|是否|有没有|怎么|年|件|申请|复议|诉讼|公开|收到|办理|办结|的|各|和|与|及|、")
_JOINED = re.compile(r"(?<=[\u4e00-\u9fff]{2})[和与及](?=[\u4e00-\u9fff]{2})")  # 发展和改革: a joining word kept


def body_words(text: str) -> list[str]:
    """Words at the start of text that end with a kind word (审批局, 双河镇, 园区), shortest first.

    The run of characters stops at a question word (多少, 收到 …); a 和 between two words of one name
    (工业和信息化局) is kept.
    """
    m = _AFTER.match(text)
    if m is None:
        return []
    run = m.group(1)
    keep = {k.start() for k in _JOINED.finditer(run)}
    cut = next((s.start() for s in _STOP.finditer(run) if s.start() not in keep and s.start() > 0), len(run))
    run = run[:cut]
    out = []
    for end in range(2, len(run) + 1):
        word = run[:end]
        if word[-1] in _KIND_ENDS and (kind_of(word) is not None or word.endswith(_PLACE_KINDS)):
            out.append(word)
    return out


def is_department(word: str) -> bool:
    """Whether a word ends with a department's kind word (局, 委, 办公室 …), not a place's (镇, 园区)."""
    return kind_of(word) is not None and not word.endswith(_PLACE_KINDS)


def ranked(word: str, bodies: list[tuple[str, str]]) -> list[tuple[float, str]]:
    """(score, agency) of the (agency, body) pairs the short word names by the rule, best first."""
    got = [(v, a) for a, b in bodies if (v := score(word, b)) is not None]
    return sorted(got, key=lambda x: (-x[0], x[1]))


def zone_words(kind: str) -> tuple[str, ...]:
    """The endings of zones a kind word names (园区 → 工业园区, 产业园, …; 开发区 → 经济技术开发区 …)."""
    return tuple({kind} | {long for long, shorts in PARKS if kind == long or kind in shorts})
