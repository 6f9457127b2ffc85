"""Where the knowledge package keeps its data: the template catalogue, the question vocabulary, bundled reports.

`NIANBAO_KNOWLEDGE_DIR` points elsewhere (a data folder kept outside the installed package).
"""

from __future__ import annotations

import os
from pathlib import Path

DATA = Path(os.environ.get("NIANBAO_KNOWLEDGE_DIR") or Path(__file__).resolve().parent / "data")


def cache_dir() -> Path:
    """Where derived files are cached (the default knowledge base, agency indexes): NIANBAO_CACHE_DIR or ~/.cache."""
    return Path(os.environ.get("NIANBAO_CACHE_DIR") or Path.home() / ".cache" / "nianbao")
