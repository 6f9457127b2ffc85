"""Settings: one validated model (pydantic-settings), loaded from a TOML file and the environment.

Order of precedence: environment (`NIANBAO_<NAME>` upper-case) > the TOML file named by `--config`
or `NIANBAO_CONFIG` (else `config/nianbao.toml` when it exists) > the defaults below.  Every bad
value, unknown key, broken or missing file becomes one `SettingsError` line naming where it came from.
The Telegram token is read only from the environment (`TELEGRAM_BOT_TOKEN`), never from a file.
"""

from __future__ import annotations

import difflib
import os
import tomllib
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlparse

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, PydanticBaseSettingsSource, SettingsConfigDict

ROOT = Path(__file__).resolve().parent.parent
ENV_PREFIX = "NIANBAO_"
LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]


class SettingsError(ValueError):
    """A setting, or the settings file, is wrong; the message is one line saying which and what to do."""


class Settings(BaseSettings):
    """Every setting of the bot, with its default, range and help (the field description)."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="forbid", frozen=True, validate_default=True)

    db_path: str = Field(
        default="", description="Knowledge base path; empty = one built from knowledge/data/reports/ (cached)")
    max_file_mb: float = Field(default=20.0, gt=0, le=1024, description="Largest report file accepted, in MB")
    admins: Annotated[tuple[int, ...], NoDecode] = Field(
        default=(), description="Telegram user ids allowed to upload reports (env: \"111,222\" or \"111 222\")")
    rate_limit_per_minute: int = Field(
        default=20, ge=0, le=100_000, description="Questions one Telegram user may ask per minute (0 = no limit)")
    webhook_url: str = Field(
        default="", description="Public HTTPS URL for webhook mode; empty = long polling")
    webhook_listen: str = Field(default="0.0.0.0", min_length=1, description="Address the webhook server binds")
    webhook_port: int = Field(default=8443, ge=1, le=65535, description="Port the webhook server listens on")
    webhook_secret: str = Field(
        default="", max_length=256, pattern=r"^[A-Za-z0-9_-]*$",
        description="Secret token Telegram sends with webhook calls (best given in the environment)")
    inline_results: int = Field(default=5, ge=1, le=50, description="Answers offered in inline mode")
    parse_budget_seconds: float = Field(
        default=60.0, ge=1, le=3600,
        description="Seconds one report file may take to parse (ingest, check, upload) before it is refused")
    parse_memory_mb: float = Field(
        default=1024.0, ge=256, le=1_048_576,
        description="Address space one report's parse may use, in MB (a worker process; past it the file is refused)")
    health_file: str = Field(
        default="", description="File serve touches every 30 s, for a container HEALTHCHECK; empty = none")
    log_level: LogLevel = Field(default="INFO", description="Logging level: DEBUG, INFO, WARNING, ERROR or CRITICAL")
    kb_lock_timeout: float = Field(
        default=120.0, ge=0, le=86_400,
        description="Seconds a knowledge-base writer (ingest, upload confirm) waits for another writer, then fails")
    kb_cache_mb: float = Field(
        default=96.0, gt=0, le=1_000_000,
        description="Memory for reports read because a question needed them, in MB (least recently used dropped)")

    @field_validator("admins", mode="before")
    @classmethod
    def _split_ids(cls, value: Any) -> Any:
        if isinstance(value, str):  # from the environment: "111,222" or "111 222"
            return [v for v in value.replace(",", " ").split() if v]
        if isinstance(value, int):
            return [value]
        return value

    @field_validator("admins")
    @classmethod
    def _positive_ids(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        if any(v <= 0 for v in value):
            raise ValueError("user ids are positive numbers")
        return value

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper(cls, value: Any) -> Any:
        return value.strip().upper() if isinstance(value, str) else value

    @field_validator("webhook_url")
    @classmethod
    def _url(cls, value: str) -> str:
        if value and (urlparse(value).scheme not in ("http", "https") or not urlparse(value).hostname):
            raise ValueError("a webhook URL looks like https://bot.example.org/path")
        return value

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """The environment wins over values given to the constructor (those of the TOML file)."""
        return env_settings, init_settings

    @property
    def max_file_bytes(self) -> int:
        """The size limit in bytes."""
        return int(self.max_file_mb * 1024 * 1024)


def describe() -> list[tuple[str, Any, str]]:
    """(name, default, help) for every setting, for docs and `--help`."""
    return [(name, f.default, f.description or "") for name, f in Settings.model_fields.items()]


def _toml_value(value: Any) -> str:
    if isinstance(value, tuple):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return f'"{value}"' if isinstance(value, str) else str(value)


def example_toml() -> str:
    """config/nianbao.example.toml, generated from the model (tests/test_docs.py keeps the file equal to it)."""
    lines = [
        "# 年报问答 settings — copy to config/nianbao.toml (or name a file with --config / NIANBAO_CONFIG).",
        "# Every setting can also come from the environment as NIANBAO_<NAME> (upper case), which wins.",
        "# Unknown keys and bad values are refused with a one-line message naming the setting.",
        "# The Telegram token is NOT a setting: it is read only from the environment, TELEGRAM_BOT_TOKEN.",
        "# Generated from bot/settings.py: python -c 'import bot.settings as s; print(s.example_toml(), end=\"\")'",
        "",
        "[nianbao]",
    ]
    for name, default, help_text in describe():
        lines += [f"# {help_text}", f"{name} = {_toml_value(default)}"]
    return "\n".join(lines) + "\n"


def config_file(config_path: str | os.PathLike[str] | None = None) -> tuple[Path, str | None]:
    """The settings file to read and who named it (`--config`, `NIANBAO_CONFIG`, or None = the default)."""
    if config_path:
        return Path(config_path), "--config"
    if os.environ.get("NIANBAO_CONFIG"):
        return Path(os.environ["NIANBAO_CONFIG"]), "NIANBAO_CONFIG"
    return ROOT / "config" / "nianbao.toml", None


def _read_toml(path: Path, named_by: str | None) -> dict[str, Any]:
    if path.is_dir():
        raise SettingsError(f"设置文件 {path} 是一个文件夹，不是 TOML 文件（{named_by or '默认位置'}）：请指定设置文件本身")
    if not path.is_file():
        if named_by is None:
            return {}
        raise SettingsError(f"设置文件 {path} 不存在（{named_by} 指定）：请检查路径，或参照 config/nianbao.example.toml 新建")
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"设置文件 {path} 不是有效的 TOML（{exc}）：请改正该行") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"读不了设置文件 {path}（{exc.__class__.__name__}）：请检查权限和编码") from None
    table = data.pop("nianbao", None) if "nianbao" in data else data
    if data and table is not data:
        raise SettingsError(f"设置文件 {path} 有未知的表或键 {', '.join(sorted(data))}：设置都放在 [nianbao] 表中")
    if not isinstance(table, dict):
        raise SettingsError(f"设置文件 {path} 的 nianbao 应是一个表 [nianbao]")
    return table


def _where(name: str, path: Path) -> str:
    env = f"{ENV_PREFIX}{name.upper()}"
    return f"环境变量 {env}" if env in os.environ else f"设置文件 {path} 中的 {name}"


def _one_line(exc: ValidationError, path: Path) -> str:
    error = exc.errors(include_url=False)[0]
    name = str(error["loc"][0]) if error["loc"] else "?"
    if error["type"] == "extra_forbidden":
        known = ", ".join(Settings.model_fields)
        return f"设置文件 {path} 中有未知的设置 {name}：请删去或改正（可用的设置：{known}）"
    shown = repr(error.get("input"))[:80]
    return f"{_where(name, path)} 的值 {shown} 无效：{error['msg']}。请改正后重试（说明见 config/nianbao.example.toml）"


OTHER_VARIABLES = ("NIANBAO_CONFIG", "NIANBAO_CACHE_DIR", "NIANBAO_KNOWLEDGE_DIR")  # read outside Settings


def unknown_variables(environ: dict[str, str] | None = None) -> list[str]:
    """One warning line for each NIANBAO_* variable nothing reads (a typo would silently do nothing)."""
    env = os.environ if environ is None else environ
    known = [f"{ENV_PREFIX}{name.upper()}" for name in Settings.model_fields] + list(OTHER_VARIABLES)
    out = []
    for name in sorted(n for n in env if n.upper().startswith(ENV_PREFIX) and n.upper() not in known):
        close = difflib.get_close_matches(name.upper(), known, n=1, cutoff=0.6)
        hint = f"是不是 {close[0]}？" if close else f"可用的有 {', '.join(known)}"
        out.append(f"未知的环境变量 {name}，已忽略（{hint}）")
    return out


def load(config_path: str | os.PathLike[str] | None = None) -> Settings:
    """Settings from defaults, then the TOML file, then NIANBAO_* environment variables (SettingsError if bad)."""
    path, named_by = config_file(config_path)
    values = _read_toml(path, named_by)
    if "NIANBAO_WEBHOOK_SECRET" not in os.environ and os.environ.get("TELEGRAM_WEBHOOK_SECRET"):
        values["webhook_secret"] = os.environ["TELEGRAM_WEBHOOK_SECRET"]
    try:
        return Settings(**values)
    except ValidationError as exc:
        raise SettingsError(_one_line(exc, path)) from None
