"""Files the readers must refuse, each with the right error and a message naming the file."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pytest

from knowledge.errors import InputError, TooLarge, UnreadableFile, UnsupportedFormat
from knowledge.readers import read, read_bytes

REPORTS = Path(__file__).resolve().parent.parent / "knowledge" / "data" / "reports"


def garbage(n: int = 4096, seed: int = 7) -> bytes:
    """Random bytes (deterministic)."""
    return random.Random(seed).randbytes(n)


def refused(path: Path, error: type[InputError], **kw: int) -> str:
    """Read `path`, expect `error`, return its message after checking it names the file."""
    with pytest.raises(error) as info:
        read(path, **kw)
    message = str(info.value)
    assert message.startswith(f"{path.name}：") and "\n" not in message
    return message


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_bytes(b"")
    assert "空" in refused(tmp_path / "report.txt", UnreadableFile)


def test_missing_file(tmp_path: Path) -> None:
    refused(tmp_path / "nowhere.pdf", UnreadableFile)


@pytest.mark.parametrize("name", ["report.txt", "report.pdf", "report.html", "report.docx", "report"])
def test_random_bytes(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(garbage())
    refused(tmp_path / name, UnreadableFile)


def test_binary_without_nul_bytes_is_not_text(tmp_path: Path) -> None:
    data = bytes(b for b in garbage(8192) if b)[:4096]
    (tmp_path / "notes.txt").write_bytes(data)
    refused(tmp_path / "notes.txt", UnreadableFile)


def test_half_truncated_pdf(tmp_path: Path) -> None:
    data = (REPORTS / "hongze-2023.pdf").read_bytes()
    (tmp_path / "hongze.pdf").write_bytes(data[: len(data) // 2])
    assert refused(tmp_path / "hongze.pdf", UnreadableFile) == "hongze.pdf：PDF 文件不完整或已损坏，无法读取"


def test_pdf_with_damaged_body(tmp_path: Path) -> None:
    data = bytearray((REPORTS / "hongze-2023.pdf").read_bytes())
    data[2000:200000] = garbage(198000)
    (tmp_path / "broken.pdf").write_bytes(bytes(data))
    refused(tmp_path / "broken.pdf", UnreadableFile)


def minimal_pdf(trailer_extra: str = "", extra_objects: list[str] | None = None) -> bytes:
    """A one-page PDF built by hand (correct xref offsets), optionally with extra trailer entries."""
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        *(extra_objects or []),
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n{body}\nendobj\n".encode())
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R {trailer_extra}>>\n".encode())
    out.write(f"startxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def test_password_protected_pdf(tmp_path: Path) -> None:
    # Standard security handler whose user password is not empty: pdfminer cannot open it.
    owner, user = "ab" * 32, "cd" * 32
    encrypt = f"<< /Filter /Standard /V 1 /R 2 /O <{owner}> /U <{user}> /P -4 >>"
    data = minimal_pdf(f"/Encrypt 4 0 R /ID [<{'01' * 16}> <{'01' * 16}>] ", [encrypt])
    (tmp_path / "locked.pdf").write_bytes(data)
    assert "加密" in refused(tmp_path / "locked.pdf", UnreadableFile)


def test_pdf_without_text_is_refused(tmp_path: Path) -> None:
    (tmp_path / "scan.pdf").write_bytes(minimal_pdf())
    assert "扫描件" in refused(tmp_path / "scan.pdf", UnreadableFile)


def test_over_the_size_limit_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "kaifeng.txt"
    path.write_bytes((REPORTS / "kaifeng-2019.txt").read_bytes())
    assert "上限" in refused(path, TooLarge, max_bytes=1000)
    with pytest.raises(TooLarge, match="^upload.pdf："):
        read_bytes(b"%PDF-" + b"0" * 2000, "upload.pdf", max_bytes=1000)


def test_docx_zip_bomb(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            block = b"\0" * (1024 * 1024)
            for _ in range(100):
                f.write(block)
    assert path.stat().st_size < 1024 * 1024
    assert "压缩炸弹" in refused(path, TooLarge)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("not-a-docx.docx", b"PK\x03\x04" + garbage(2000)),
        ("sheet.docx", None),  # a valid zip without word/document.xml
    ],
)
def test_broken_docx(tmp_path: Path, name: str, data: bytes | None) -> None:
    if data is None:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("xl/workbook.xml", "<workbook/>")
        data = buf.getvalue()
    (tmp_path / name).write_bytes(data)
    refused(tmp_path / name, UnreadableFile)


@pytest.mark.parametrize("name", ["figures.xls", "setup.exe"])
def test_unsupported_extension_with_garbage(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(garbage())
    assert "不支持" in refused(tmp_path / name, UnsupportedFormat)


def test_old_word_document(tmp_path: Path) -> None:
    (tmp_path / "report.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + garbage(4000))
    refused(tmp_path / "report.doc", UnsupportedFormat)
