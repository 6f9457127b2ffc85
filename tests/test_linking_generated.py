"""Generated linking test: bodies of real places (cpca's division table) × common departments and kinds
(governments, their offices and 机关, departments, townships, streets, parks), each place loaded with its siblings
and all places together, asked by the names people use.

The names asked are written here from the naming rules (place with or without its level word, with or
without the city above it; a body by its standard name or by a standard short name from
bot/understand/department_names.tsv; 政府/府办/管委会/经开区/园区 …), never by calling the linker.  A name of
a body that is loaded must link to it (≥ 98 %) and never to another body; a name of a body that is not
loaded must link to none.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import metadata
from pathlib import Path

from bot.understand import lexicon
from bot.understand.extract import extract
from bot.understand.linking import AgencyIndex
from bot.understand.normalise import normalise
from knowledge.models import Report

LEX = lexicon.default()
DATA = Path(__file__).resolve().parent.parent / "bot" / "understand" / "department_names.tsv"

# One department per family (a family's other names would be the same body renamed): the full names of
# the 2018 reform, as local governments print them.
FAMILIES = ["发展和改革局", "教育局", "科学技术局", "工业和信息化局", "民族宗教事务局", "公安局", "民政局", "司法局",
            "财政局", "人力资源和社会保障局", "自然资源局", "生态环境局", "住房和城乡建设局", "交通运输局", "水利局",
            "农业农村局", "商务局", "文化和旅游局", "卫生健康委员会", "退役军人事务局", "应急管理局", "审计局",
            "市场监督管理局", "统计局", "医疗保障局", "林业和草原局", "城市管理局", "行政审批服务局", "信访局",
            "机关事务管理局", "政务服务和数据管理局", "人民防空办公室", "国有资产监督管理委员会", "乡村振兴局",
            "粮食和物资储备局", "投资促进局"]
TOWNS = ["城关", "石桥", "龙泉", "马桥", "黄庄", "白沙", "青山", "双河", "太平", "新集", "柳林", "杨集", "高桥", "东关",
         "西街", "南湖", "北岗", "三合", "红星", "永安", "长岭", "金山", "银河", "花园", "桃源", "李庄", "王集", "张店"]
# Merged departments (one body for two): asked by the name of each part (教育和体育局 → 教育局, 体育局), the rule
# of a joined name, as well as by their standard short names.  Each replaces the first family, and no family
# named like one of its parts is loaded or asked as missing beside it.
MERGED = ["教育和体育局", "科学技术和工业信息化局", "农业农村和水利局", "商务和投资促进局", "自然资源和规划局",
          "文化体育和旅游局", "政务服务和大数据管理局"]
PARKS = (("经济开发区管理委员会", ("经济开发区", "经开区", "开发区", "经济开发区管委会", "开发区管委会")),
         ("工业园区管理委员会", ("工业园区", "工业园", "园区", "工业园区管委会")),
         ("高新技术产业开发区管理委员会", ("高新区", "高新技术产业开发区", "高新区管委会")))


def shorts() -> dict[str, list[str]]:
    """Standard short names of the departments (the project's data)."""
    out: dict[str, list[str]] = {}
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            full, names = line.split("\t")[:2]
            out[full] = [n for n in names.split(",") if n and n != full]
    return out


def _level_stem(name: str) -> str:
    for level in ("自治县", "自治旗", "县", "区", "市", "旗"):
        if name.endswith(level) and len(name) - len(level) >= 2:
            return name[: -len(level)]
    return name


@cache
def places() -> list[tuple[str, str, str]]:
    """(name printed before a body, its stem, the county's own name) for ~130 real cities and counties whose
    name and stem are each held by one division only (鼓楼区 is in five cities: asked alone, it is asked back)."""
    path = Path(str(metadata.distribution("cpca").locate_file("cpca/resources/adcodes.csv")))
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    name = {r["adcode"]: r["name"] for r in rows}
    count: dict[str, int] = {}
    for r in rows:
        for key in {r["name"], _level_stem(r["name"])}:
            count[key] = count.get(key, 0) + 1
    out = []
    for k, r in enumerate(sorted(rows, key=lambda r: r["adcode"])):
        code, own = r["adcode"], r["name"]
        stem = _level_stem(own)
        if k % 27 or code[2:4] == "00" or count[own] > 1 or count[stem] > 1 or len(stem) < 2 or "自治" in own:
            continue
        city = name.get(code[:4] + "00000000", "")
        if city in ("市辖区", "县"):  # a district of 北京, 天津, 上海, 重庆: printed with the city (天津市西青区)
            city = name.get(code[:2] + "0000000000", "")
        if code[4:6] != "00" and own.endswith("区") and city and "自治" not in city:
            out.append((city + own, stem, own))  # 安阳市龙安区: a district is printed with its city
        else:
            out.append((own, stem, own))
    return out


@cache
def world() -> tuple[AgencyIndex, list[tuple[str, str]], list[str]]:
    """The index of every loaded body, the (question name, body) pairs and the names of bodies not loaded."""
    short = shorts()
    loaded: list[str] = []
    pairs: list[tuple[str, str]] = []
    absent: list[str] = []
    for n, (full, stem, own) in enumerate(places()):
        k = len(FAMILIES)
        depts = [FAMILIES[(n * 7 + j) % k] for j in range(12)]
        missing = [FAMILIES[(n * 7 + j) % k] for j in range(12, 18)]
        merged = MERGED[n % len(MERGED)]
        parts = [p + "局" for p in merged[:-1].split("和")]  # 教育和体育局 → 教育局, 体育局
        if n % 2:
            clash = [f for f in FAMILIES if any(f.startswith(p[:2]) or p[:2] in f for p in parts)]
            depts = [merged] + [d for d in depts[1:] if d not in clash]
            missing = [d for d in missing if d not in clash]
            pairs += [(stem + p, full + merged) for p in parts]
        gov, office = full + "人民政府", full + "人民政府办公室"
        has_gov, has_office = n % 5 != 4, n % 3 != 2
        if has_gov:
            loaded.append(gov)
            pairs += [(full, gov), (stem, gov), (own + "人民政府", gov), (stem + "政府", gov), (own + "政府", gov)]
        else:
            absent += [stem + "政府", own + "人民政府", stem]  # the county as a whole: its bodies are asked back
        if has_office:
            loaded.append(office)
            pairs += [(office, office), (stem + "政府办", office), (own + "府办", office), (stem + "政府办公室", office),
                      (full + "人民政府办", office)]
        else:
            absent += [stem + "政府办", own + "人民政府办公室", full + "人民政府办"]
        organ = full + "人民政府机关"  # the government's own organs: a body of their own, one word from it
        if n % 4 == 3:
            loaded.append(organ)
            pairs += [(organ, organ), (stem + "政府机关", organ), (own + "人民政府机关", organ)]
        else:
            absent += [stem + "政府机关", own + "人民政府机关"]
        for d in depts:
            body = full + d
            loaded.append(body)
            pairs += [(body, body), (stem + d, body), (own + d, body)]
            pairs += [(stem + s, body) for s in short.get(d, [])]
            pairs += [(own + s, body) for s in short.get(d, [])[:1]]
        for d in missing:
            absent += [stem + d] + [stem + s for s in short.get(d, [])]
        if own.endswith(("县", "区")):  # a township and a street of a county or district
            town = TOWNS[n % len(TOWNS)] + "镇"
            street = TOWNS[(n + 11) % len(TOWNS)] + "街道"
            t_body, s_body = full + town + "人民政府", full + street + "办事处"
            loaded += [t_body, s_body]
            pairs += [(stem + town, t_body), (own + town, t_body), (stem + town + "政府", t_body),
                      (full + town + "人民政府", t_body), (stem + street, s_body), (own + street + "办", s_body),
                      (full + street + "办事处", s_body)]
            absent += [stem + TOWNS[(n + 5) % len(TOWNS)] + "镇", stem + TOWNS[(n + 7) % len(TOWNS)] + "乡"]
        if n % 2 == 0:  # a park of the place, by place + kind
            long, said = PARKS[n // 2 % len(PARKS)]
            p_body = stem + long
            loaded.append(p_body)
            pairs += [(p_body, p_body)] + [(stem + s, p_body) for s in said]
            other = PARKS[(n // 2 + 1) % len(PARKS)]
            absent += [stem + other[1][1]]
    index = AgencyIndex([Report(id=f"{a}-2023", agency=a, year=2023, title=a, template="2021", source_file="")
                         for a in loaded])
    return index, pairs, absent


def link(name: str) -> tuple[list[str], list[str]]:
    s = extract(normalise(f"{name}2023年收到多少政府信息公开申请", LEX), world()[0])
    return s.agencies, s.resolution.options


def test_the_generated_set_is_large() -> None:
    index, pairs, absent = world()
    assert len(places()) >= 100 and len(pairs) >= 2000 and len(absent) >= 500
    assert len(index.splits) >= 1500


def test_names_people_use_link_to_the_body_and_never_to_another() -> None:
    _, pairs, _ = world()
    right, wrong, missed = 0, [], []
    for said, body in pairs:
        got, options = link(said)
        if got == [body]:
            right += 1
        elif got:
            wrong.append((said, body, got))
        else:
            missed.append((said, body, options[:3]))
    assert wrong == []
    assert right / len(pairs) >= 0.98, (right, len(pairs), missed[:40])


def test_names_of_bodies_not_loaded_link_to_none() -> None:
    _, _, absent = world()
    answered = [(said, got) for said in absent if (got := link(said)[0])]
    assert answered == []
