"""Settings: one typed table (default + help), loaded from a TOML file and the environment.

Order of precedence: environment (`NIANBAO_<NAME>` upper-case) > the TOML file named by
`NIANBAO_CONFIG` (or `config/nianbao.toml` when it exists) > the defaults below.
The Telegram token is read only from the environment (`TELEGRAM_BOT_TOKEN`), never from a file.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    """Every setting of the bot, with its default; `help` metadata documents each one."""

    db_path: str = field(
        default="", metadata={"help": "Knowledge base file; empty = var/kb.json built from knowledge/data/reports/"}
    )
    max_file_mb: float = field(default=20.0, metadata={"help": "Largest report file accepted, in MB"})
    admins: tuple[int, ...] = field(
        default=(), metadata={"help": "Telegram user ids allowed to upload reports"}
    )
    rate_limit_per_minute: int = field(
        default=20, metadata={"help": "Questions one Telegram user may ask per minute"}
    )
    webhook_url: str = field(
        default="", metadata={"help": "Public HTTPS URL for webhook mode; empty = long polling"}
    )
    webhook_listen: str = field(default="0.0.0.0", metadata={"help": "Address the webhook server binds"})
    webhook_port: int = field(default=8443, metadata={"help": "Port the webhook server listens on"})
    webhook_secret: str = field(
        default="", metadata={"help": "Secret token Telegram sends with webhook calls (env only is best)"}
    )
    inline_results: int = field(default=5, metadata={"help": "Answers offered in inline mode"})
    log_level: str = field(default="INFO", metadata={"help": "Logging level"})

    @property
    def max_file_bytes(self) -> int:
        """The size limit in bytes."""
        return int(self.max_file_mb * 1024 * 1024)


def describe() -> list[tuple[str, Any, str]]:
    """(name, default, help) for every setting, for docs and `--help`."""
    return [(f.name, f.default, f.metadata.get("help", "")) for f in fields(Settings)]


def _coerce(kind: Any, value: Any) -> Any:
    default_type = type(kind)
    if isinstance(kind, tuple):
        if isinstance(value, str):
            value = [v for v in value.replace(",", " ").split() if v]
        return tuple(int(v) for v in value)
    if default_type is bool and isinstance(value, str):
        return value.lower() in {"1", "true", "yes", "on"}
    return default_type(value)


def load(config_path: str | os.PathLike[str] | None = None, env: dict[str, str] | None = None) -> Settings:
    """Settings from defaults, then the TOML file, then NIANBAO_* environment variables."""
    env = dict(os.environ if env is None else env)
    values: dict[str, Any] = {}
    path = Path(config_path or env.get("NIANBAO_CONFIG") or ROOT / "config" / "nianbao.toml")
    if path.is_file():
        with path.open("rb") as fh:
            data = tomllib.load(fh)
        values.update(data.get("nianbao", data))
    defaults = Settings()
    out: dict[str, Any] = {}
    for f in fields(Settings):
        default = getattr(defaults, f.name)
        raw = env.get(f"NIANBAO_{f.name.upper()}", values.get(f.name))
        out[f.name] = default if raw is None else _coerce(default, raw)
    if "NIANBAO_WEBHOOK_SECRET" not in env and "TELEGRAM_WEBHOOK_SECRET" in env:
        out["webhook_secret"] = env["TELEGRAM_WEBHOOK_SECRET"]
    return Settings(**out)
