"""The Dockerfile keeps its promises: pinned base and dependencies, a data dir the bot owns, a HEALTHCHECK."""

from __future__ import annotations

import re

from bot.settings import ROOT

DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")
CONSTRAINTS = (ROOT / "constraints.txt").read_text(encoding="utf-8")


def test_the_base_image_is_pinned_by_exact_version():
    [base] = re.findall(r"^FROM\s+(\S+)", DOCKERFILE, re.M)
    assert re.fullmatch(r"python:\d+\.\d+\.\d+-slim-\w+(@sha256:[0-9a-f]{64})?", base), base


def test_dependencies_are_installed_with_the_constraints_and_every_line_is_an_exact_pin():
    assert "pip install -c constraints.txt ." in DOCKERFILE
    pins = [line for line in CONSTRAINTS.splitlines() if line and not line.startswith("#")]
    assert pins and all(re.fullmatch(r"[A-Za-z0-9_.\-]+==[^=\s]+", line) for line in pins), pins
    names = {line.split("==")[0].lower().replace("_", "-") for line in pins}
    assert {"python-telegram-bot", "pydantic-settings", "tenacity", "tinydb", "filelock"} <= names


def test_the_data_directory_is_owned_by_the_bot_user_and_holds_every_bundled_report():
    assert "chown nianbao:nianbao /data" in DOCKERFILE
    assert DOCKERFILE.index("chown nianbao:nianbao /data") < DOCKERFILE.index('VOLUME ["/data"]')
    assert "NIANBAO_DB_PATH=/data/kb.json" in DOCKERFILE
    assert "bundled_reports()" in DOCKERFILE and "ingest --db /data/kb.json" in DOCKERFILE


def test_there_is_a_healthcheck_fed_by_serve():
    assert re.search(r"^HEALTHCHECK .*\n\s+CMD .*bot\.tg\.health", DOCKERFILE, re.M)
    assert "NIANBAO_HEALTH_FILE=/tmp/nianbao.alive" in DOCKERFILE
