"""The rules of agency resolution: mentions grouped into phrases, each phrase scored against loaded bodies.

A bare region names its own government when that is loaded for the year asked; a body that the region
does not have loaded is unknown (never another body); ties are asked back, never picked.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from bot.understand import lexicon
from bot.understand.linking import (
    _BODYISH,
    _JOIN,
    _LEAD_WORDS,
    _LEVEL_CHAR,
    _NOT_BODY,
    BODY,
    GOVT,
    NAME,
    REGION,
    UNKNOWN,
    AgencyIndex,
    Resolution,
    _Mention,
    known_place,
    province_of,
)
from bot.understand.names import (
    GOV,
    MIN_CORE,
    ZONE_KINDS,
    body_forms,
    body_words,
    is_department,
    kind_of,
    ranked,
    score,
    standard_words,
    zone_words,
)
from bot.understand.regions import divisions

LIST_MAX = 8
_OFFICE_AFTER = re.compile(r"办公室|办公厅|办(?![理结件法事])|机关")
MARGIN = 2  # a candidate wins only this far ahead of the next
RULE_MARGIN = 0.3  # of a short name read by the rule (score up to 2): 监管局 of 市场监督管理局 or 安全生产监督管理局 is asked
_LEAD_END = re.compile(_LEAD_WORDS.pattern.removeprefix("^").removesuffix("+") + "$")  # 请问|查询|那 … just before
_AFTER_NAME = re.compile(r"^(?:办公室|办公厅|办(?![理结件法事])|机关)")


def phrases(text: str, index: AgencyIndex) -> list[list[_Mention]]:
    """Adjacent mentions that name one agency: regions (outer first), then at most one body."""
    out: list[list[_Mention]] = []
    cur: list[_Mention] = []
    for m in index.mentions(text):
        if m.kind == GOVT and text.startswith(_gov_words(), m.start):
            continue  # 政府信息公开, 政府集中采购 are what is asked about, not the government
        if m.kind == GOVT and cur and cur[-1].kind == NAME and cur[-1].end == m.start:
            cur[-1] = _Mention(cur[-1].start, m.end, NAME, cur[-1].keys)  # 平潭综合实验区管委会: the same body
            continue
        between = text[cur[-1].end : m.start] if cur else ""
        if m.kind == BODY and cur and _JOIN.match(between) and (place := index.place_named(cur[-1])):
            cur[-1] = place  # 桐梓县 (its report's own name) 政府办: a body of that place
        if cur and cur[-1].kind == REGION and (_JOIN.match(between) or (between == "\u3000" and m.kind != GOVT)):
            # a year between a place and a body still joins them (平潭2023年市场监管局), not a place and 政府
            if m.kind != REGION or index.region_agencies(cur[-1].keys) & index.region_agencies(m.keys):
                cur.append(m)
                continue
        if cur:
            out.append(cur)
        cur = [m]
    if cur:
        out.append(cur)
    return [p for p in out if not (len(p) == 1 and p[0].kind == GOVT)]


@lru_cache(maxsize=1)
def _gov_words() -> tuple[str, ...]:
    """Question words that begin with 政府 (from the lexicon), and the subject of every report."""
    words = {a for a in lexicon.default().words() if a.startswith(("政府", "人民政府"))}
    return tuple(sorted(words | {"政府信息", "人民政府信息", "政府网站", "政府公报"}, key=len, reverse=True))


def resolve_phrase(text: str, phrase: list[_Mention], index: AgencyIndex, years: list[int],
                   prefer: str | None) -> Resolution:
    """The agency one phrase names, or the question back, or why none."""
    said = text[phrase[0].start : phrase[-1].end]
    last = phrase[-1]
    regions = [m for m in phrase if m.kind == REGION]
    cands: AbstractSet[str] = index.splits.keys()  # every loaded body, not copied: thousands at scale
    for r in regions:
        cands = cands & index.region_agencies(r.keys)
    here = regions[-1].keys if regions else set()
    if last.kind == UNKNOWN:  # a place named like a loaded one but of another level
        stem = text[last.start : last.end - 1]
        return _unknown(said, index, index.region_agencies(_regions_of(stem, index)))
    if last.kind == NAME and (m := _AFTER_NAME.match(text[last.end :])):
        # 营口市人民政府办: its office (loaded), never the government; 东光县人民政府办公室 when only
        # 东光县人民政府 is loaded: not loaded
        said += m.group(0)
        heads = {(index.splits[a].region, index.splits[a].body + m.group(0)) for a in last.keys}
        inside = index.region_agencies({r for r, _ in heads})
        got = sorted(a for a in inside if any(index.splits[a].region == r and (  # or the office its name says it is
            w in body_forms(index.splits[a].body, index.splits[a].kind) or a in index.with_body.get(w, ()))
            for r, w in heads))
        return _pick(got, said) if got else _unknown(said, index, inside)  # what the named place has loaded
    if last.kind == NAME and (words := _body_words(text[last.end :])) \
            and all(index.splits[a].kind == GOV for a in last.keys):  # 平潭 (as its report calls itself) 发展局
        places = {index.splits[a].region for a in last.keys}
        own = [(a, index.splits[a].body) for a in index.region_agencies(places) if index.splits[a].region in places]
        return by_rule(words, own, said, index, years) or _unknown(said + words[0], index, index.region_agencies(places))
    if last.kind == NAME:  # a full name, maybe with the regions above it (江苏省淮安市洪泽区人民政府)
        named = sorted(last.keys & cands) if regions else sorted(last.keys)
        if years and not any(index.has_year(a, years) for a in named) and (place := index.place_named(last)):
            return _region(said, place.keys, cands, index, years, explicit=False)  # 桐梓县 2019: its other name's
        return _pick(named, said) if named else _unknown(said, index, cands)
    if regions and not cands:
        return _unknown(said, index, index.region_agencies(here))
    if last.kind == BODY:
        if not regions and (pre := _place_before(text, last.start, index)):
            guess = near(pre, index, regions_only=True)  # 平谭财政局 → 平潭财政局?
            return Resolution(suggest=guess + said, said=pre + said) if guess else _unknown(pre + said, index, set())
        bodies = set().union(*(index.with_body.get(k, set()) for k in last.keys))
        got = {a for a in cands & bodies if not regions or index.splits[a].region in here}
        spoken = text[last.start : last.end]
        if not got and regions:  # 墨脱水利局 of 墨脱县农业农村和水利局; 宿迁教育局 is never 沭阳县教育局
            own = [(a, index.splits[a].body) for a in cands if index.splits[a].region in here]
            return by_rule([spoken], own, said[: -len(spoken)], index, years) or _unknown(said, index, cands)
        if not got:
            return _unknown(said, index, cands)
        if prefer is not None and not regions and all(index.splits[a].region != prefer for a in got):
            # the place talked about has no such body loaded: ask, never answer another place's silently
            return Resolution(options=_order(sorted(got), index)[:LIST_MAX], said=said)

        def score(a: str) -> int:
            s = index.splits[a]
            return (8 * (prefer is not None and not regions and s.region == prefer)  # the body of the place talked about
                    + 4 * (bool(years) and index.has_year(a, years))  # has the year asked
                    + 2 * (s.body == spoken))  # its own full body name, not a short form

        return _best(got, score, said, index, years)
    if last.kind == GOVT and (m := _OFFICE_AFTER.match(text[last.end :])):
        return _unknown(said + m.group(0), index, cands)  # 淮安市政府办 when only 淮安市人民政府 is loaded
    if last.kind == REGION and (inner := division_inside(text[last.end :], here)):
        return _unknown(said + inner, index, cands)  # 开封龙亭区 when only 开封市人民政府 is loaded
    if last.kind in (REGION, GOVT) and (words := _body_words(text[last.end :])):
        # 平潭审批局: a body of the place named by a short name the rule reads; or one it has not loaded
        # (开封交通运输局, 无极青山镇, 抚宁园区), never the place's government
        if words[0] in ZONE_KINDS:  # 开封示范区: the zone of that kind inside the place
            zones = _order([a for a in cands if (z := index.splits[a]).kind == GOV and z.region not in here
                            and z.region.endswith(zone_words(words[0]))], index)
            if zones:
                note = f"“{said + words[0]}”按{zones[0]}理解" if len(zones) == 1 else None
                return Resolution(agencies=zones, said=said + words[0], note=note) if note else \
                    Resolution(options=zones[:LIST_MAX], said=said + words[0])
        own = [(a, index.splits[a].body) for a in cands if index.splits[a].region in here] if here else []
        return by_rule(words, own, said, index, years) or _unknown(said + words[0], index, cands)
    if last.kind == REGION and (m := _BODYISH.match(text[last.end :])) and not _NOT_BODY.search(m.group(1)):
        return _unknown(said + m.group(0), index, cands)  # 开封交通运输局 when only 开封教育局 is loaded
    return _region(said, here, cands, index, years, explicit=last.kind == GOVT)


def unplaced(text: str, index: AgencyIndex, years: list[int], prefer: str | None) -> Resolution | None:
    """A department named without its place by a short name the rule reads: the one of the place talked
    about first, else of every loaded place; a standard department name that names none is not loaded."""
    for k in range(len(text) - 2):
        if k and "\u4e00" <= text[k - 1] <= "\u9fff" and not _LEAD_END.search(text, 0, k):
            continue  # a word starts after a non-Chinese character or a lead word (那, 和 …)
        words = [w for w in _body_words(text[k:]) if is_department(w)]
        if not words:
            continue
        for pool in ([prefer] if prefer else []) + [None]:  # each word, shortest first (公安局, 公安局交警支队)
            bodies = [(a, b) for b, agencies in index.bodies().items() if any(score(w, b) is not None for w in words)
                      for a in agencies if pool is None or index.splits[a].region == pool]
            got = by_rule(words, bodies, "", index, years)
            if got is not None:
                return got
        if words[0] in standard_words() and words[0][-1] in "局委":
            return _unknown(words[0], index, set())
    return None


def _body_words(text: str) -> list[str]:
    """body_words, but none where the question's own words begin (政府网站, 律所, 政府信息公开 …)."""
    words = body_words(text)
    if not words:
        return []
    lex = lexicon.default()
    head = text.removeprefix("的")
    if head.startswith(_gov_words()) or any(end + 1 == len(lex.aliases[rank][0])
                                             for end, rank in lex.automaton.iter(head[:12])):
        return []
    return [w for w in words if not is_department(w) or len((kind_of(w) or ("", ""))[0]) >= MIN_CORE]


def division_inside(text: str, regions: set[str]) -> str | None:
    """The division (or its stem) text begins with when it lies inside one of regions (龙亭区, 龙亭 of 开封市;
    郑州, 郑州市 of 河南省), or another place's district or county (金水区 after 开封), after a 的 or not."""
    d = divisions()
    own = {c for r in regions for c in d.codes.get(r, ())}
    above = tuple({c[: 2 if c[2:4] == "00" else 4] for c in own if c[4:6] == "00"})
    if not above:
        return None
    lead = "的" if text.startswith("的") else ""
    text = text[len(lead):]
    heads = d.by_head.get(text[:2], ())
    for n in heads:
        for form in (n, d.stem(n)):
            if len(form) >= 2 and text.startswith(form) and any(c.startswith(above) and c not in own
                                                                for c in d.codes[n]):
                return lead + form
    # a district or county of another place said in full (开封金水区: 金水区 is 郑州's) is no part of this one;
    # by its stem only where a year stood or the question ends (开封金水2019年; never 和平 of 开封和平潭)
    for n in heads:
        if n[-1] in "区县" and len(n) >= 3:
            stem = d.stem(n)
            if text.startswith(n) or (len(stem) >= 2 and re.match(re.escape(stem) + r"(?:\u3000|呢|$)", text)):
                return lead + (n if text.startswith(n) else stem)
    return None


def by_rule(words: list[str], bodies: list[tuple[str, str]], said: str, index: AgencyIndex,
            years: list[int]) -> Resolution | None:
    """The body a short word names by the rule (short_names.py): the best when clearly ahead (a note names
    it), the close ones asked back; None when the rule names none of the bodies."""
    for word in words:
        if not is_department(word):
            continue
        got = ranked(word, bodies)
        if not got:
            continue
        pool = [(v, a) for v, a in got if index.has_year(a, years)] or got
        close = [a for v, a in pool if v > pool[0][0] - RULE_MARGIN]
        if len(close) > 1:
            return Resolution(options=_order(close, index)[:LIST_MAX], said=said + word)
        return Resolution(agencies=close, said=said + word, note=f"“{said + word}”按{close[0]}理解")
    return None


def _region(said: str, here: set[str], cands: AbstractSet[str], index: AgencyIndex, years: list[int],
            explicit: bool) -> Resolution:
    """A region named alone (its government, when loaded) or with 政府 (only its government)."""
    inside = cands if here else ()  # no region named: none is inside it (and no loop over every loaded body)
    gov = sorted(a for a in inside if index.splits[a].kind == GOV and index.splits[a].region in here)
    gov_y = [a for a in gov if index.has_year(a, years)]
    if len(gov_y) == 1:
        a = gov_y[0]
        others = _order([b for b in cands if b != a and index.splits[b].region in here
                         and index.has_year(b, years)], index)
        note = None
        if others and not explicit:
            more = "等" if len(others) > 3 else ""
            place = "".join(index.splits[a].named)  # 开封市教育局 → 教育局 after “按开封市人民政府…”
            shown = [b[len(place):] if place and b.startswith(place) and len(b) > len(place) + 1 else b
                     for b in others[:3]]
            note = f"按{a}的年报回答；同地还有{'、'.join(shown)}{more}的年报"
        return Resolution(agencies=[a], said=said, note=note)
    if len(gov_y) > 1:
        return Resolution(options=gov_y, said=said)
    if explicit:
        return Resolution(agencies=gov[:1], said=said) if gov else _unknown(said, index, cands)
    # only the region's own bodies stand for it: a district's report never answers for its city
    own = [b for b in inside if index.splits[b].region in here]
    pool = _order([b for b in own if index.has_year(b, years)], index)
    if len(pool) == 1:
        return Resolution(agencies=pool, said=said, note=f"按{pool[0]}的年报回答")
    if len(pool) > 1:
        return Resolution(options=pool, said=said)
    if gov:
        return Resolution(agencies=gov[:1], said=said)  # the year is missing: said later, with the years
    if len(own) == 1:
        return Resolution(agencies=own, said=said)
    when = "、".join(map(str, years)) + "年" if years and own else ""
    return _unknown(said + when, index, cands)


def _best(got: set[str], score: Callable[[str], int], said: str, index: AgencyIndex,
          years: list[int]) -> Resolution:
    """The top scorer when clearly ahead of the next (by MARGIN), else the question back among the close ones."""
    scored = {a: score(a) for a in got}
    top = max(scored.values())
    close = [a for a, v in scored.items() if v > top - MARGIN]
    return _pick(_order(close, index), said)


def _regions_of(form: str, index: AgencyIndex) -> set[str]:
    return {key for kind, key in index.names.get(form, set()) if kind == REGION}


def _pick(agencies: list[str], said: str) -> Resolution:
    if len(agencies) == 1:
        return Resolution(agencies=agencies, said=said)
    return Resolution(options=agencies, said=said)


def _order(agencies: list[str], index: AgencyIndex) -> list[str]:
    """A region's own bodies before those of the places inside it; government, office, then the rest."""
    rank = {"gov": 0, "office": 1}
    return sorted(agencies, key=lambda a: (len(index.splits[a].path), rank.get(index.splits[a].kind, 2), a))


def _unknown(said: str, index: AgencyIndex, nearby: AbstractSet[str]) -> Resolution:
    if not nearby:  # 郑州教育局: what is loaded in 郑州's province (the division table), listed first
        nearby = index.region_agencies(set(province_of(said)))
    return Resolution(unknown=said, nearby=_first(nearby, index), said=said)


def _first(agencies: Iterable[str], index: AgencyIndex) -> list[str]:
    """The first LIST_MAX of _order without sorting them all (keys are unique: the same list)."""
    rank = {"gov": 0, "office": 1}
    return heapq.nsmallest(LIST_MAX, agencies,
                           key=lambda a: (len(index.splits[a].path), rank.get(index.splits[a].kind, 2), a))


def _place_before(text: str, start: int, index: AgencyIndex) -> str:
    """The place-like words just before a body name (郑州 in 郑州教育局, 平谭 in 平谭财政局), if any."""
    k = start
    while k > 0 and "\u4e00" <= text[k - 1] <= "\u9fff" and start - k < 8:
        k -= 1
    pre = _LEAD_WORDS.sub("", text[k:start]).removesuffix("的")
    if len(pre) < 2:
        return ""
    return pre if pre[-1] in _LEVEL_CHAR or known_place(pre) or near(pre, index, regions_only=True) else ""


def near(word: str, index: AgencyIndex, regions_only: bool = False) -> str | None:
    """A loaded name one character away from word (not itself a real place): what was probably meant."""
    if len(word) < 2 or known_place(word):
        return None
    best = None
    for form in _near_candidates(word, index):  # in the index's order: the first longest wins, as ever
        if regions_only and not any(k == REGION for k, _ in index.names[form]):
            continue
        if Levenshtein.distance(form, word, score_cutoff=1) <= 1 and form != word:
            if best is None or len(form) > len(best):
                best = form
    return best


def tail_of(word: str, index: AgencyIndex) -> str | None:
    """The one loaded agency whose name ends with word (“实验区” of 平潭综合实验区, as its own report
    calls it), when only one does; None for a short or shared ending."""
    if len(word) < 3:
        return None
    hits = [a for a in index.years if a.endswith(word) and a != word]
    return hits[0] if len(hits) == 1 else None


def _near_candidates(word: str, index: AgencyIndex) -> list[str]:
    """The names that can be one edit from word, in index order (a few small buckets, not every name).

    An edit after the first character keeps it: those names share word's first character and are at
    most one character longer or shorter.  An edit of the first character leaves the rest: the name
    without its first character is word's rest (substituted) or word itself (one added), or the name
    is word's rest (one dropped).
    """
    heads, tails = index.near_buckets()
    at = index.name_positions()
    seen: set[int] = set()
    for size in (len(word) - 1, len(word), len(word) + 1):
        seen.update(heads.get((word[0], size), ()))
    seen.update(tails.get(word[1:], ()))
    seen.update(tails.get(word, ()))
    if word[1:] in at:
        seen.add(at[word[1:]])
    forms = index.name_list()
    return [forms[i] for i in sorted(seen) if abs(len(forms[i]) - len(word)) <= 1]
