"""The directory file's encoding, read back exactly; adding and dropping a report changes what is listed;
short names found; reports made from the directory carry their id, file, names and details.

Expectations written by hand: the file names are those a write of generation e6c5d394 (…) gives, their
two hash parts the SHA-1 of the report id (开封市人民政府-2019 → d1/df94d13bfb3dc175, as in a real base).
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from knowledge.models import Section, Warning_
from knowledge.store.directory import Directory, report_file
from knowledge.store.lazy import Unpacked
from knowledge.stored import StoredReport, by_key, details_of

KF, PT, HZ = "开封市人民政府", "平潭综合实验区", "淮安市洪泽区人民政府"
KF19 = "reports/d1/df94d13bfb3dc175.e6c5d394.0.json"  # 开封市人民政府-2019
KF20 = "reports/ff/edd45b84c8477c81.a0.1.json"  # 开封市人民政府-2020
KF21 = "reports/11/63c1e52c503f47cd.b7.12.json"  # 开封市人民政府-2021
PT19 = "reports/b8/f2279f342b4467c9.e6c5d394.1.json"  # 平潭综合实验区-2019
HZ23 = "reports/21/75768b4d9842ccb8.c3.1.json"  # 淮安市洪泽区人民政府-2023
KF19B = "reports/49/64ff5d25a8d70b30.c3.0.json"  # 开封市人民政府-2019-2 (a second report of that year)


def entry(agency: str, year: int, file: str, rid: str | None = None, aliases: list[str] | None = None) -> dict[str, Any]:
    return {"id": rid or f"{agency}-{year}", "agency": agency, "year": year, "file": file, "aliases": aliases or []}


def doc(agencies: dict[str, Any], count: Any = None) -> dict[str, Any]:
    body: dict[str, Any] = {"format": 1, "agencies": agencies}
    if count is not None:
        body["count"] = count
    return {"directory": {"1": body}}


def stored(d: Directory) -> dict[str, Any]:
    """The agencies' rows as the directory file holds them (through JSON, as written)."""
    return json.loads(json.dumps(d.encode(), ensure_ascii=False))["directory"]["1"]["agencies"]


def listing(d: Directory) -> list[tuple[str, int, str, str]]:
    """(agency, year, report id, report file) of every report."""
    return [(a, r[0], Directory.rid(a, r), Directory.file(a, r)) for a, r in d.rows()]


def reread(d: Directory) -> Directory:
    back = Directory.decode(json.loads(json.dumps(d.encode(), ensure_ascii=False)))
    assert back is not None
    return back


# ---------------------------------------------------------------------------------------- the file's form


def test_report_files_are_named_after_the_report_id() -> None:
    assert report_file("开封市人民政府-2019", "e6c5d394", 0) == KF19
    assert report_file("平潭综合实验区-2019", "e6c5d394", 1) == PT19
    assert report_file("开封市人民政府-2021", "b7", 12) == KF21


def test_usual_files_are_written_as_generation_and_number_and_read_back_whole() -> None:
    d = Directory.of([entry(KF, 2019, KF19), entry(KF, 2020, KF20), entry(PT, 2019, PT19)])
    assert d.encode() == {"directory": {"1": {"format": 1, "count": 3, "agencies": {
        KF: "2019:e6c5d394.0;2020:a0.1", PT: "2019:e6c5d394.1"}, "across": {}}}}
    back = reread(d)
    assert listing(back) == [(KF, 2019, "开封市人民政府-2019", KF19), (KF, 2020, "开封市人民政府-2020", KF20),
                             (PT, 2019, "平潭综合实验区-2019", PT19)]
    assert len(back) == 3
    assert dict(back.years()) == {KF: [2019, 2020], PT: [2019]}
    assert back.encode() == d.encode()


@pytest.mark.parametrize("path", [
    "reports/ff/edd45b84c8477c81.e6c5d394.0.json",  # the usual form, but another report's name
    "reports/d1/0000000000000000.e6c5d394.0.json",  # the first hash part the report's, the second not
    "reports/00/df94d13bfb3dc175.e6c5d394.0.json",  # the second the report's, the first not
    "reports/D1/DF94D13BFB3DC175.E6C5D394.0.json",
    "reports/d1/df94d13bfb3dc175.e6c5d394.0.json.bak",
    "reports/d1/df94d13bfb3dc175.e6c5d394.json",
    "reports/old/reports/d1/df94d13bfb3dc175.e6c5d394.0.json",
    "reports/kaifeng-2019.json",
])  # fmt: skip
def test_other_files_are_written_whole_and_read_back(path: str) -> None:
    d = Directory.of([entry(KF, 2019, path)])
    assert stored(d) == {KF: f"2019:{path}"}
    assert listing(reread(d)) == [(KF, 2019, "开封市人民政府-2019", path)]


@pytest.mark.parametrize(("given", "row"), [
    (entry(KF, 2019, KF19B, rid="开封市人民政府-2019-2"), [2019, "c3.0", "开封市人民政府-2019-2", None]),
    (entry(HZ, 2023, HZ23, aliases=["洪泽区人民政府"]), [2023, "c3.1", None, ["洪泽区人民政府"]]),
    (entry(KF, 2019, "reports/a;b.json"), [2019, "reports/a;b.json", None, None]),
    (entry(KF, 2019, "reports/a:b.json"), [2019, "reports/a:b.json", None, None]),
])  # fmt: skip
def test_a_row_that_a_flat_string_cannot_hold_is_written_in_full(given: dict[str, Any], row: list[Any]) -> None:
    d = Directory.of([given])
    assert stored(d) == {given["agency"]: [row]}
    back = reread(d)
    assert listing(back) == [(given["agency"], given["year"], given["id"], given["file"])]
    assert back.names() == {given["agency"]: given["aliases"]}


def test_a_flat_and_a_full_agency_side_by_side() -> None:
    d = Directory.of([entry(KF, 2019, KF19), entry(KF, 2020, KF20), entry(HZ, 2023, HZ23, aliases=["洪泽区人民政府"])])
    assert stored(d) == {KF: "2019:e6c5d394.0;2020:a0.1", HZ: [[2023, "c3.1", None, ["洪泽区人民政府"]]]}
    assert listing(reread(d)) == [(KF, 2019, "开封市人民政府-2019", KF19), (KF, 2020, "开封市人民政府-2020", KF20),
                                  (HZ, 2023, "淮安市洪泽区人民政府-2023", HZ23)]


def test_a_stored_directory_is_read_row_by_row() -> None:
    d = Directory.decode(doc({KF: "2019:e6c5d394.0;2021:b7.12", PT: [[2019, "e6c5d394.1", None, None]]}, count=3))
    assert d is not None
    assert d.row(KF, 2021) == [2021, "b7.12", None, None]
    assert d.row(KF, 2019) == [2019, "e6c5d394.0", None, None]
    assert d.row(PT, 2019) == [2019, "e6c5d394.1", None, None]
    assert d.row(KF, 2020) is None and d.row("开封市", 2019) is None
    assert listing(d) == [(KF, 2019, "开封市人民政府-2019", KF19), (KF, 2021, "开封市人民政府-2021", KF21),
                          (PT, 2019, "平潭综合实验区-2019", PT19)]


@pytest.mark.parametrize("got", [
    None, [], "directory", {}, {"directory": {}}, {"directory": {"2": doc({})["directory"]["1"]}},
    {"directory": {"1": "format 1"}}, {"directory": {"1": {"format": 2, "count": 0, "agencies": {}}}},
    {"directory": {"1": {"count": 0, "agencies": {}}}}, {"directory": {"1": {"format": 1, "count": 0}}},
    {"directory": {"1": {"format": 1, "count": 0, "agencies": [[KF, "2019:e6c5d394.0"]]}}},
])  # fmt: skip
def test_what_is_not_a_directory_this_version_reads(got: Any) -> None:
    assert Directory.decode(got) is None


def test_an_empty_directory() -> None:
    d = Directory.decode(doc({}, count=0))
    assert d is not None and len(d) == 0 and list(d.rows()) == [] and d.names() == {}
    assert d.encode() == doc({}, count=0)


def test_the_count_comes_from_the_file_without_reading_any_agency() -> None:
    d = Directory.decode(doc({KF: "20l9:e6c5d394.0;2020:a0.1"}, count=2))  # a row that would not parse
    assert d is not None and len(d) == 2
    with pytest.raises(ValueError, match="20l9"):
        d.row(KF, 2020)


@pytest.mark.parametrize("count", [None, "3", 2.0])
def test_without_a_stored_count_the_rows_are_counted(count: Any) -> None:
    d = Directory.decode(doc({KF: "2019:e6c5d394.0;2020:a0.1", PT: [[2019, "e6c5d394.1", None, None]]}, count=count))
    assert d is not None and len(d) == 3
    assert d.encode()["directory"]["1"]["count"] == 3


# ---------------------------------------------------------------------------------------- writes


def loaded() -> Directory:
    got = Directory.decode(doc({KF: "2019:e6c5d394.0", PT: "2019:e6c5d394.1",
                                HZ: [[2023, "c3.1", None, None]]}, count=3))
    assert got is not None
    return got


def made() -> Directory:
    return Directory.of([entry(KF, 2019, KF19), entry(PT, 2019, PT19), entry(HZ, 2023, HZ23)])


@pytest.mark.parametrize("start", [loaded, made])
def test_adding_and_dropping_reports_changes_the_listing(start: Any) -> None:
    d = start()
    d.add(entry(KF, 2020, KF20))
    assert len(d) == 4 and d.years()[KF] == [2019, 2020]
    d.add(entry(KF, 2019, "reports/d1/df94d13bfb3dc175.f0.0.json"))  # the same agency and year: replaced
    assert len(d) == 4 and Directory.file(KF, d.row(KF, 2019)) == "reports/d1/df94d13bfb3dc175.f0.0.json"
    d.drop(entry(PT, 2019, PT19))
    assert len(d) == 3 and PT not in d.years() and set(d.years()) == {HZ, KF}
    d.drop(entry("郑州市人民政府", 2019, KF19))  # not in the directory: nothing changes
    d.drop(entry(KF, 2018, KF19))
    assert len(d) == 3
    assert listing(d) == [(KF, 2019, "开封市人民政府-2019", "reports/d1/df94d13bfb3dc175.f0.0.json"),
                          (KF, 2020, "开封市人民政府-2020", KF20), (HZ, 2023, "淮安市洪泽区人民政府-2023", HZ23)]
    back = reread(d)
    assert len(back) == 3 and listing(back) == listing(d)
    d.drop(entry(KF, 2019, KF19))
    d.drop(entry(KF, 2020, KF20))
    assert len(d) == 1 and list(d.years()) == [HZ] and d.row(KF, 2020) is None
    assert listing(reread(d)) == [(HZ, 2023, "淮安市洪泽区人民政府-2023", HZ23)]
    assert reread(d).encode()["directory"]["1"]["count"] == 1
    d.drop(entry(HZ, 2023, HZ23))
    assert len(d) == 0 and stored(d) == {} and d.names() == {}


def test_a_write_rewrites_only_the_agencies_it_touched() -> None:
    d = loaded()
    d.add(entry(KF, 2021, KF21))
    d.add(entry("郑州市人民政府", 2019, "reports/zz.json"))
    assert d.encode() == doc({KF: "2019:e6c5d394.0;2021:b7.12", PT: "2019:e6c5d394.1",
                              HZ: [[2023, "c3.1", None, None]],  # as stored, though a flat string would do
                              "郑州市人民政府": "2019:reports/zz.json"}, count=5)


def test_rows_are_kept_in_year_order() -> None:
    d = Directory.of([entry(KF, 2021, KF21), entry(KF, 2019, KF19), entry(KF, 2020, KF20)])
    assert d.years()[KF] == [2019, 2020, 2021]
    assert stored(d) == {KF: "2019:e6c5d394.0;2020:a0.1;2021:b7.12"}


@pytest.mark.parametrize("start", [loaded, made])
def test_a_report_with_its_own_id_is_replaced_by_id_or_by_year(start: Any) -> None:
    d = start()
    d.add(entry(KF, 2019, KF19B, rid="开封市人民政府-2019-2"))  # another report of that year replaces it
    assert listing(d)[0] == (KF, 2019, "开封市人民政府-2019-2", KF19B) and len(d) == 3
    d.add(entry(KF, 2020, KF19B, rid="开封市人民政府-2019-2"))  # its year corrected: the row moves
    assert [(a, y, rid) for a, y, rid, _ in listing(d)][:2] == [(KF, 2020, "开封市人民政府-2019-2"), (PT, 2019, "平潭综合实验区-2019")]
    assert d.years()[KF] == [2020] and len(d) == 3
    assert Directory.file(KF, d.row(KF, 2020)) == KF19B
    d.drop({"agency": KF, "id": "开封市人民政府-2020"})  # not its id
    assert d.years()[KF] == [2020]
    d.drop({"agency": KF, "id": "开封市人民政府-2019-2"})
    assert KF not in d.years() and len(d) == 2


def test_a_report_whose_year_is_read_again_keeps_one_row() -> None:
    d = Directory.of([entry(KF, 2019, KF19)])
    d.add(entry(KF, 2020, KF19, rid="开封市人民政府-2019"))  # the same report (same id), its year now 2020
    assert listing(d) == [(KF, 2020, "开封市人民政府-2019", KF19)] and len(d) == 1
    assert listing(reread(d)) == listing(d)


# ---------------------------------------------------------------------------------------- short names


NAMED = {KF: "2019:e6c5d394.0;2020:a0.1",
         HZ: [[2022, "c2.0", None, ["洪泽区人民政府", "洪泽区政府"]], [2023, "c3.1", None, ["洪泽区人民政府", "洪泽"]]],
         PT: [[2019, "e6c5d394.1", "平潭综合实验区-2019-2", None]]}


def test_short_names_of_a_stored_directory() -> None:
    d = Directory.decode(doc(NAMED))
    assert d is not None
    assert d.names() == {KF: [], HZ: ["洪泽区人民政府", "洪泽区政府", "洪泽"], PT: []}


def test_short_names_are_found_without_reading_agencies_stored_without_any() -> None:
    d = Directory.decode(doc({KF: "20l9:e6c5d394.0", HZ: [[2023, "c3.1", None, ["洪泽区人民政府"]]]}))  # KF's row would not parse
    assert d is not None and d.names() == {KF: [], HZ: ["洪泽区人民政府"]}


def test_short_names_of_catalogue_entries() -> None:
    d = Directory.of([entry(KF, 2019, KF19), entry(HZ, 2022, "reports/hz22.json", aliases=["洪泽区人民政府", "洪泽区政府"]),
                      entry(HZ, 2023, HZ23, aliases=["洪泽区人民政府", "洪泽"]), entry(PT, 2019, PT19)])
    assert d.names() == {KF: [], HZ: ["洪泽区人民政府", "洪泽区政府", "洪泽"], PT: []}
    assert reread(d).names() == d.names()


def test_short_names_added_to_a_stored_agency_are_found() -> None:
    d = Directory.decode(doc(NAMED))
    assert d is not None
    d.add(entry(KF, 2021, KF21, aliases=["开封市政府"]))
    assert d.names() == {KF: ["开封市政府"], HZ: ["洪泽区人民政府", "洪泽区政府", "洪泽"], PT: []}
    d.add(entry(HZ, 2022, "reports/hz22.json"))  # its 2022 report now gives no short names
    assert reread(d).names() == {KF: ["开封市政府"], HZ: ["洪泽区人民政府", "洪泽"], PT: []}


# ---------------------------------------------------------------------------------------- lazily made values


def test_a_lazy_map_makes_each_value_once_on_first_read() -> None:
    calls: list[str] = []

    def make(key: str, raw: str) -> list[str]:
        calls.append(key)
        return [key, raw]

    m = Unpacked({"a": "1", "b": "2"}, make)
    assert (len(m), list(m), "a" in m, "c" in m, calls) == (2, ["a", "b"], True, False, [])
    first = m["a"]
    assert first == ["a", "1"] and m["a"] is first and calls == ["a"]
    assert m.get("c") is None and "c" not in m
    with pytest.raises(KeyError):
        m["c"]
    assert dict(m) == {"a": ["a", "1"], "b": ["b", "2"]} and calls == ["a", "b"]


def test_a_lazy_value_that_is_empty_is_still_given() -> None:
    m = Unpacked({"a": ""}, lambda _k, raw: [int(x) for x in raw.split()])
    assert m["a"] == [] and m.get("a") == []


# ---------------------------------------------------------------------------------------- reports


ENTRY = {"id": "开封市人民政府-2019", "agency": KF, "year": 2019, "title": "开封市人民政府2019年政府信息公开工作年度报告",
         "template": "2019", "source_file": "kaifeng-2019.txt", "url": None, "ingested_at": "2026-11-30T12:00:00",
         "warnings": [{"rule": "prose.normative", "message": "正文845，表格815", "section": "一、总体情况"}],
         "aliases": ["开封市政府"], "identified_from": None, "missing": ["表四缺失"],
         "sha": "e6c49e888660b229119d576448028867", "facts": 296, "file": KF19, "bytes": 39813}


def test_a_catalogue_entry_gives_the_reports_details_only() -> None:
    assert details_of(ENTRY) == {
        "title": "开封市人民政府2019年政府信息公开工作年度报告", "template": "2019", "source_file": "kaifeng-2019.txt",
        "url": None, "ingested_at": "2026-11-30T12:00:00", "identified_from": None, "facts": 296,
        "warnings": [Warning_("prose.normative", "正文845，表格815", "一、总体情况")], "missing": ["表四缺失"]}
    assert details_of({"id": "x-2019", "title": "x", "sections": [], "warnings": None, "missing": None}) == {
        "title": "x", "warnings": [], "missing": []}
    assert details_of({"id": "x-2019", "title": "x"}) == {"title": "x", "warnings": [], "missing": []}


def test_reports_of_one_template_share_its_strings() -> None:
    one = details_of({**ENTRY, "template": "".join(["20", "19"]), "source_file": "".join(["a", ".txt"]),
                      "ingested_at": "".join(["2026-11-30", "T12:00:00"])})
    two = details_of({**ENTRY, "template": "".join(["201", "9"]), "source_file": "".join(["a.", "txt"]),
                      "ingested_at": "".join(["2026-11-30T", "12:00:00"])})
    for key in ("template", "source_file", "ingested_at"):
        assert one[key] == two[key] and one[key] is two[key], key


def test_a_report_of_a_catalogue_entry_has_its_details_at_hand() -> None:
    r = StoredReport.of(ENTRY)
    assert (r.id, r.agency, r.year, r.aliases, r.entry()) == (
        "开封市人民政府-2019", KF, 2019, ["开封市政府"], {"id": "开封市人民政府-2019", "agency": KF, "file": KF19})
    assert (r.title, r.template, r.source_file, r.url, r.ingested_at, r.identified_from) == (
        "开封市人民政府2019年政府信息公开工作年度报告", "2019", "kaifeng-2019.txt", None, "2026-11-30T12:00:00", None)
    assert (r.warnings, r.missing, r.sections) == ([Warning_("prose.normative", "正文845，表格815", "一、总体情况")],
                                                   ["表四缺失"], [])
    assert r.agency is StoredReport.of({**ENTRY, "agency": "".join(["开封市", "人民政府"])}).agency
    bare = StoredReport.of({"id": "郑州市人民政府-2020", "agency": "郑州市人民政府", "year": 2020, "file": "reports/z.json"})
    assert (bare.aliases, bare.title, bare.url, bare.warnings, bare.missing) == ([], "", None, [], [])


def test_a_report_of_the_directory_alone_has_no_details() -> None:
    r = StoredReport.make("开封市人民政府-2019", KF, 2019, KF19, None)
    assert (r.aliases, r.title, r.template, r.warnings, r.missing, r.sections) == ([], "", "", [], [], [])
    r.warnings.append(Warning_("x", "y"))  # a list of its own: not a shared default
    assert StoredReport.make("开封市人民政府-2020", KF, 2020, KF20, ["开封"]).warnings == []


class Base:
    """What reports made from a directory read their details and sections from (the knowledge base)."""

    def __init__(self, details: dict[str, dict[str, Any]]) -> None:
        self.given, self.asked = details, []

    def details(self, report: StoredReport) -> dict[str, Any] | None:
        self.asked.append(report.id)
        return self.given.get(report.id)

    def sections(self, rid: str) -> list[Section]:
        return [Section("一", "一、总体情况", rid)]


def test_reports_made_from_the_directory() -> None:
    d = Directory.of([entry(KF, 2019, KF19B, rid="开封市人民政府-2019-2", aliases=["开封市政府"]), entry(KF, 2020, KF20),
                      entry(PT, 2019, PT19)])
    kb = Base({"开封市人民政府-2019-2": {"title": "开封2019", "warnings": [Warning_("a", "b")]}})
    report_of, by_id, reports = by_key(kb, d)  # type: ignore[arg-type]
    r = report_of[(KF, 2019)]
    assert (r.id, r.agency, r.year, r.aliases, r.entry()["file"]) == ("开封市人民政府-2019-2", KF, 2019, ["开封市政府"], KF19B)
    assert (r.title, r.warnings, r.url, r.missing) == ("开封2019", [Warning_("a", "b")], None, [])
    assert r.sections == [Section("一", "一、总体情况", "开封市人民政府-2019-2")]
    assert report_of[(KF, 2019)] is r and by_id["开封市人民政府-2019-2"] is r
    assert kb.asked == ["开封市人民政府-2019-2"] * 4
    later = by_id["开封市人民政府-2020"]  # found by id before by (agency, year)
    assert (later.agency, later.year, later.title, later.entry()["file"]) == (KF, 2020, "", KF20)
    assert report_of[(KF, 2020)] is later and by_id["开封市人民政府-2020"] is later
    assert by_id.get("开封市人民政府-2019") is None and by_id.get(("开封市人民政府", 2019)) is None
    for key in [(KF, 2018), (2019, KF), (None, 2019)]:
        with pytest.raises(KeyError) as missing:
            report_of[key]
        assert missing.value.args == (key,)  # the error names the key asked for
    assert [x.id for x in reports] == ["开封市人民政府-2019-2", "开封市人民政府-2020", "平潭综合实验区-2019"]
    assert reports[1] is later and len(reports) == len(by_id) == len(report_of) == 3
    assert sorted(by_id) == ["平潭综合实验区-2019", "开封市人民政府-2019-2", "开封市人民政府-2020"]


# ------------------------------------------------------------- which reports warn against the year before

ACROSS = {"rule": "years.same_cell", "message": "开封2020年报告的上年结转与2019年报告的结转下年不一致", "cells": []}
OWN = {"rule": "sums.table3", "message": "表三总计不等于各项之和", "cells": []}


def test_the_directory_lists_the_reports_that_warn_against_the_year_before() -> None:
    d = Directory.of([entry(KF, 2019, KF19) | {"warnings": [OWN]}, entry(KF, 2020, KF20) | {"warnings": [OWN, ACROSS]},
                      entry(PT, 2019, PT19)])
    assert d.encode()["directory"]["1"]["across"] == {KF: [2020]}
    back = reread(d)
    assert back.may_warn_across(KF, 2020) and not back.may_warn_across(KF, 2019) and not back.may_warn_across(PT, 2019)
    back.add(entry(KF, 2020, KF20) | {"warnings": [OWN]})  # replaced by a copy that agrees with 2019
    assert not back.may_warn_across(KF, 2020) and "across" in back.encode()["directory"]["1"]
    back.add(entry(PT, 2020, "reports/x.json") | {"warnings": [ACROSS]})
    assert back.encode()["directory"]["1"]["across"] == {PT: [2020]}
    back.drop(entry(PT, 2020, "reports/x.json"))
    assert not back.may_warn_across(PT, 2020) and back.encode()["directory"]["1"]["across"] == {}


def test_a_directory_written_before_it_said_so_lets_every_report_be_read_until_the_next_write() -> None:
    d = Directory.decode(doc({KF: "2019:e6c5d394.0;2020:a0.1"}, count=2))
    assert d is not None and d.may_warn_across(KF, 2020) and d.may_warn_across(KF, 2019)
    d.learn_across([entry(KF, 2019, KF19), entry(KF, 2020, KF20) | {"warnings": [ACROSS]}])
    assert d.may_warn_across(KF, 2020) and not d.may_warn_across(KF, 2019)
