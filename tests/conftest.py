"""Every test runs apart from the caller's machine: no settings or Telegram variables, a throw-away HOME.

The network is blocked except loopback by pytest-socket (`--allow-hosts` in pyproject.toml), so the
fake Bot API servers on 127.0.0.1 still answer.  The caches (the default knowledge base built from the
bundled reports, jieba's dictionary) live in one temporary folder per run: built once, not per test.
Variables are set on `os.environ` itself so that `python -m bot` subprocesses inherit the same isolation.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

ISOLATED_PREFIXES = ("NIANBAO_", "TELEGRAM_")
# a proxy from the caller's shell would send httpx's loopback calls elsewhere (httpx trusts the environment)
PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")
_saved: dict[str, str] = {}
_root: Path | None = None


def isolated_environment(root: Path) -> dict[str, str]:
    """The variables every test (and every subprocess it starts) sees in place of the caller's."""
    return {
        "HOME": str(root / "home"),
        "XDG_CACHE_HOME": str(root / "home" / ".cache"),
        "XDG_CONFIG_HOME": str(root / "home" / ".config"),
        "XDG_DATA_HOME": str(root / "home" / ".local" / "share"),
        "NIANBAO_CACHE_DIR": str(root / "cache"),
        # a developer's own config/nianbao.toml must not change what the tests see (an empty file:
        # a NIANBAO_CONFIG that does not exist is an error)
        "NIANBAO_CONFIG": str(root / "empty-config.toml"),
        "NO_PROXY": "127.0.0.1,localhost,::1",
    }


def _outside(name: str) -> bool:
    return name.startswith(ISOLATED_PREFIXES) or name.upper() in PROXY_VARIABLES


def pytest_configure(config: pytest.Config) -> None:
    """Strip the caller's variables before any test module imports the code (knowledge.paths reads one)."""
    global _root
    _root = Path(tempfile.mkdtemp(prefix="nianbao-tests-"))
    for name in [n for n in os.environ if _outside(n)] + ["HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME",
                                                         "XDG_DATA_HOME"]:
        if name in os.environ:
            _saved[name] = os.environ.pop(name)
    for name, value in isolated_environment(_root).items():
        os.environ[name] = value
    (_root / "home").mkdir()
    (_root / "empty-config.toml").write_text("", encoding="utf-8")


def pytest_unconfigure(config: pytest.Config) -> None:
    """Give the caller's variables back and drop the run's temporary folder."""
    for name in isolated_environment(_root or Path()):
        os.environ.pop(name, None)
    os.environ.update(_saved)
    if _root is not None:
        shutil.rmtree(_root, ignore_errors=True)


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch) -> None:
    """Undo, after each test, any setting or Telegram variable a test or the code under test set."""
    assert _root is not None
    for name in [n for n in os.environ if _outside(n)]:
        monkeypatch.delenv(name)
    for name, value in isolated_environment(_root).items():
        monkeypatch.setenv(name, value)
