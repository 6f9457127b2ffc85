"""A read-only map kept as its stored (JSON) values, each made into its object when first read.

Loading a directory of 100,000 reports, or an agency index of 20,000 bodies, this way costs one
parse of mostly flat strings; a question reads a handful of entries.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeVar

V = TypeVar("V")


class Unpacked(Mapping[str, V]):
    """raw key → stored value, presented as key → make(key, value), made once on first read."""

    def __init__(self, raw: Mapping[str, Any], make: Callable[[str, Any], V]) -> None:
        self.raw, self.make, self.made = raw, make, {}

    def __getitem__(self, key: str) -> V:
        got = self.made.get(key)
        if got is None:
            got = self.made[key] = self.make(key, self.raw[key])
        return got

    def __contains__(self, key: object) -> bool:
        return key in self.raw

    def __iter__(self) -> Iterator[str]:
        return iter(self.raw)

    def __len__(self) -> int:
        return len(self.raw)
