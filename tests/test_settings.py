"""Settings errors: each is one line naming the setting or file, exit status 2, and no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.settings import ROOT, Settings, SettingsError, load


def run(*args: str, env: dict[str, str] | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("NIANBAO_", "TELEGRAM_"))}
    pythonpath = os.pathsep.join(p for p in (str(ROOT), base.get("PYTHONPATH", "")) if p)
    return subprocess.run([sys.executable, "-m", "bot", *args], capture_output=True, text=True, cwd=cwd,
                          env={**base, "PYTHONPATH": pythonpath, **(env or {})}, timeout=120)


def one_line_error(done: subprocess.CompletedProcess[str], status: int, *words: str) -> str:
    assert done.returncode == status, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "Traceback" not in done.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


@pytest.mark.parametrize("name,value", [
    ("RATE_LIMIT_PER_MINUTE", "abc"),
    ("RATE_LIMIT_PER_MINUTE", "-1"),
    ("LOG_LEVEL", "LOUD"),
    ("WEBHOOK_PORT", "70000"),
    ("MAX_FILE_MB", "0"),
    ("ADMINS", "12,abc"),
    ("INLINE_RESULTS", "0"),
    ("WEBHOOK_URL", "bot.example.org"),
])
def test_a_bad_environment_value_is_one_line_naming_the_variable(name, value):
    done = run("ask", "行政复议多少件", env={f"NIANBAO_{name}": value})
    one_line_error(done, 2, f"NIANBAO_{name}", value.split(",")[-1])  # the bad part named


def test_a_broken_toml_file_is_one_line_naming_the_file(tmp_path):
    config = tmp_path / "bad.toml"
    config.write_text("[nianbao]\nrate_limit_per_minute = \n", encoding="utf-8")
    one_line_error(run("ask", "--config", str(config), "行政复议多少件"), 2, str(config), "TOML")


def test_an_unknown_key_is_refused_with_its_name(tmp_path):
    config = tmp_path / "typo.toml"
    config.write_text("[nianbao]\nrate_limit_per_minut = 5\n", encoding="utf-8")
    one_line_error(run("reports", "--config", str(config)), 2, "rate_limit_per_minut", str(config))


def test_a_bad_value_in_the_file_names_the_file_and_the_setting(tmp_path):
    config = tmp_path / "bad.toml"
    config.write_text("[nianbao]\nwebhook_port = \"eighty\"\n", encoding="utf-8")
    one_line_error(run("--config", str(config), "reports"), 2, "webhook_port", str(config))


def test_a_missing_config_file_is_refused_before_or_after_the_subcommand(tmp_path):
    missing = tmp_path / "missing.toml"
    one_line_error(run("--config", str(missing), "reports"), 2, str(missing))
    one_line_error(run("reports", "--config", str(missing)), 2, str(missing))
    one_line_error(run("reports", env={"NIANBAO_CONFIG": str(missing)}), 2, str(missing), "NIANBAO_CONFIG")


def test_config_after_the_subcommand_is_read(tmp_path):
    config = tmp_path / "db.toml"
    config.write_text(f"[nianbao]\ndb_path = \"{tmp_path / 'nowhere.json'}\"\n", encoding="utf-8")
    one_line_error(run("reports", "--config", str(config)), 1, "nowhere.json", "db_path")


@pytest.mark.parametrize("command", [["ask", "行政复议多少件"], ["chat"], ["serve"], ["reports"]])
def test_a_db_that_does_not_exist_is_an_error_not_an_empty_knowledge_base(tmp_path, command):
    missing = tmp_path / "kb-typo.json"
    done = run(*command, "--db", str(missing), env={"TELEGRAM_BOT_TOKEN": "123:TEST"})
    one_line_error(done, 1, str(missing), "ingest")
    assert not missing.exists()


def test_an_unknown_option_is_a_usage_error():
    done = run("ask", "--colour", "行政复议多少件")
    assert done.returncode == 2 and "--colour" in done.stderr and "Traceback" not in done.stderr


def test_environment_wins_over_the_file_and_ids_split_on_commas_or_spaces(tmp_path, monkeypatch):
    config = tmp_path / "c.toml"
    config.write_text("[nianbao]\nrate_limit_per_minute = 7\nadmins = [1, 2]\nlog_level = \"debug\"\n", encoding="utf-8")
    monkeypatch.setenv("NIANBAO_ADMINS", "11, 22 33")
    settings = load(config)
    assert settings.rate_limit_per_minute == 7
    assert settings.admins == (11, 22, 33)
    assert settings.log_level == "DEBUG"


def test_the_example_file_loads_as_the_defaults():
    assert load(ROOT / "config" / "nianbao.example.toml") == Settings()


def test_a_setting_given_as_a_table_is_refused(tmp_path):
    config = tmp_path / "t.toml"
    config.write_text("nianbao = 3\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="nianbao"):
        load(config)
