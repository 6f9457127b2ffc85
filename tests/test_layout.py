"""The architecture as the README draws it: knowledge never imports bot; only bot/tg imports telegram."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MODULES = sorted((ROOT / "knowledge").rglob("*.py")) + sorted((ROOT / "bot").rglob("*.py"))


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module.split(".")[0])
    return out


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_imports_point_one_way(path: Path) -> None:
    got = _imports(path)
    rel = path.relative_to(ROOT)
    if rel.parts[0] == "knowledge":
        assert "bot" not in got, f"{rel} imports bot"
    if rel.parts[:2] != ("bot", "tg"):
        assert "telegram" not in got, f"{rel} imports telegram"


def test_folders_and_modules_stay_small() -> None:
    for folder in {p.parent for p in MODULES}:
        assert len([p for p in folder.glob("*.py") if p.name != "__init__.py"]) <= 14, folder
    for path in MODULES:
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 400, path
