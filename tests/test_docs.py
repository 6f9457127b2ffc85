"""The README documents every command and every setting (as datasette's test_docs does)."""

from __future__ import annotations

from pathlib import Path

from bot.cli import build_parser
from bot.settings import describe, example_toml

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
EXAMPLE = (Path(__file__).resolve().parent.parent / "config" / "nianbao.example.toml").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme() -> None:
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    for name in sub.choices:  # type: ignore[union-attr]
        assert f"`{name}" in README, name


def test_every_setting_is_documented_once() -> None:
    for name, _default, help_text in describe():
        rows = [line for line in README.splitlines() if line.startswith(f"| `{name}` |")]
        assert len(rows) == 1, name  # one row of the settings table …
        assert f"`NIANBAO_{name.upper()}`" in rows[0], name  # … naming its environment variable
        assert help_text


def test_the_example_config_is_the_one_generated_from_the_settings_model() -> None:
    assert EXAMPLE == example_toml()
