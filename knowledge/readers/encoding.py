"""Bytes → str: BOMs, declared HTML charsets, then charset-normalizer detection.

UTF-8 text with a few undecodable bytes (a stray byte from a copy-paste or a cut download) is read
with those bytes replaced by U+FFFD and a note naming how many; a file with many is still refused.
"""

from __future__ import annotations

import codecs
import logging
import re

import charset_normalizer
from bs4.dammit import EncodingDetector

from knowledge.errors import UnreadableFile

log = logging.getLogger(__name__)

_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
# Pages that say gb2312 or gbk routinely use characters only their superset gb18030 has.
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "ascii": "utf-8",
    "us-ascii": "utf-8",
}
_CONTROL_BAD = re.compile(r"[\x00-\x08\x0e-\x1f]")  # control characters other than \t \n \v \f \r
_MAX_BAD = 50  # more undecodable sequences than this (or over 1 % of non-ASCII bytes): not damaged UTF-8
BAD_BYTES_NOTE = "文件中有{n}处字节不是有效的UTF-8编码，已替换为“\ufffd”后读取"


def _canonical(name: str) -> str | None:
    """The Python codec name for an encoding label, widened to its superset; None if unknown."""
    try:
        codec = codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None
    return _SUPERSETS.get(codec, codec)


def _try(data: bytes, encoding: str) -> str | None:
    """`data` decoded strictly with `encoding`, or None when it does not decode."""
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _looks_binary(text: str) -> bool:
    """True when the decoded text is full of control characters (a binary file that happened to decode)."""
    if "\x00" in text:
        return True
    bad = len(_CONTROL_BAD.findall(text))
    return bad > max(2, len(text) // 200)


def _damaged_utf8(data: bytes) -> tuple[str, int] | None:
    """UTF-8 text with a few bad bytes: (text with U+FFFD for them, how many), else None."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    non_ascii = sum(1 for b in data if b >= 0x80)
    if 0 < bad <= _MAX_BAD and bad * 100 <= non_ascii and not _looks_binary(text):
        return text, bad
    return None


def decode(data: bytes, name: str, *, html: bool = False) -> tuple[str, str]:
    """Decode a text or HTML file; return (text, encoding).  Raises UnreadableFile."""
    text, encoding, _ = decode_noted(data, name, html=html)
    return text, encoding


def decode_noted(data: bytes, name: str, *, html: bool = False) -> tuple[str, str, list[str]]:
    """Decode a text or HTML file; return (text, encoding, notes for the user).  Raises UnreadableFile."""
    # Order: a BOM; valid UTF-8 (GBK text practically never is); the page's declared charset;
    # then charset-normalizer's detection.
    candidates: list[str] = [enc for bom, enc in _BOMS if data.startswith(bom)][:1]
    if not candidates and b"\x00" in data:
        raise UnreadableFile(f"{name}：是二进制文件，不是文本或网页，无法读取")
    candidates.append("utf-8")
    if html:
        declared = EncodingDetector.find_declared_encoding(data[:4096], is_html=True)
        if declared and (enc := _canonical(declared)):
            candidates.append(enc)
    for enc in candidates:
        text = _try(data, enc)
        if text is not None and not _looks_binary(text):
            return text, "utf-8" if enc == "utf-8-sig" else enc, []
    if (damaged := _damaged_utf8(data)) is not None:
        log.debug("%s: %d undecodable bytes replaced", name, damaged[1])
        return damaged[0], "utf-8", [BAD_BYTES_NOTE.format(n=damaged[1])]
    best = charset_normalizer.from_bytes(data).best()
    if best is not None:
        enc = _canonical(best.encoding) or best.encoding
        text = _try(data, enc)
        if text is not None and not _looks_binary(text):
            log.debug("%s: detected %s", name, enc)
            return text, enc, []
    raise UnreadableFile(f"{name}：无法识别文字编码（不是 UTF-8 或 GBK 文本），可能是二进制文件")
