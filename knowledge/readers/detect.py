"""Which reader a file needs: from its extension, checked against its first bytes."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePath

TEXT_EXT = {".txt", ".md", ".text", ".markdown"}
HTML_EXT = {".html", ".htm", ".shtml", ".xhtml"}
# Formats people send that no reader handles (unless the content turns out to be one we do).
UNSUPPORTED_EXT = {
    ".doc",
    ".wps",
    ".rtf",
    ".xls",
    ".xlsx",
    ".et",
    ".csv",
    ".ppt",
    ".pptx",
    ".odt",
    ".ods",
    ".ofd",
    ".exe",
    ".dll",
    ".bin",
    ".msi",
    ".apk",
    ".zip",
    ".rar",
    ".7z",
    ".gz",
    ".tar",
    ".bz2",
    ".xz",
    ".jpg",
    ".jpeg",
    ".png",
    ".gif",
    ".bmp",
    ".tif",
    ".tiff",
    ".webp",
    ".mp3",
    ".mp4",
    ".avi",
    ".caj",
}
_HTML_START = re.compile(
    rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|table)\b", re.I | re.S
)
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff(data: bytes) -> str | None:
    """The form the content itself declares: "pdf", "docx", "html", "ole" (old Office) or None."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(_OLE2):
        return "ole"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                names = set(z.namelist())
        except (zipfile.BadZipFile, ValueError, OSError):
            return None
        return "docx" if "word/document.xml" in names else "zip"
    text_head = head.lstrip(b"\xef\xbb\xbf")
    if _HTML_START.match(text_head) or re.search(rb"<html\b", head, re.I):
        return "html"
    return None


def form_for(data: bytes, name: str) -> str:
    """The reader to use: "pdf", "docx", "html", "text", or "unsupported"."""
    ext = PurePath(name).suffix.lower()
    found = sniff(data)
    if found in {"pdf", "docx"}:
        return found  # magic bytes beat a wrong extension (a .doc that is really a .docx)
    if ext == ".pdf":
        return "pdf"
    if ext == ".docx":
        return "docx"
    if ext in HTML_EXT:
        return "html"
    if ext in TEXT_EXT:
        return "text"
    if found == "html":
        return "html"  # e.g. a .doc download that is really the web page
    if ext in UNSUPPORTED_EXT or found in {"ole", "zip"}:
        return "unsupported"
    return "text"
