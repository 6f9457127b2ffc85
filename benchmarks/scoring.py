"""The verdict ../shared/eval/score.py gives a reply, rule for rule, for the in-process benchmarks."""

from __future__ import annotations


def judge(expect: dict, got: dict) -> str:
    """'correct', 'wrong' or 'missed', as score.py judges a reply against its expectation."""
    want = expect.get("status", "answered")
    if want != "answered":
        return "correct" if got["status"] == want else ("wrong" if got["status"] == "answered" else "missed")
    if got["status"] != "answered":
        return "missed"
    if "value" in expect and (got.get("value") is None or abs(float(got["value"]) - expect["value"]) > 1e-6):
        return "wrong"
    if "unit" in expect and got.get("unit") != expect["unit"]:
        return "wrong"
    if "section" in expect and not str(got.get("section") or "").startswith(expect["section"]):
        return "wrong"
    if "contains" in expect and expect["contains"] not in str(got.get("text") or ""):
        return "wrong"
    return "correct"
