"""Loaders: a file on disk to the plain text that is stored, chunked and cited."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf", ".docx")


class LoadError(Exception):
    """A file that cannot be read as a document; ingest reports it and carries on."""


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _text(path: Path) -> str:
    return _decode(path.read_bytes())


_BLOCK_TAGS = re.compile(r"^(p|div|h[1-6]|li|tr|br|section|article|table|ul|ol|header|footer|blockquote)$")


def _html(path: Path) -> str:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(_decode(path.read_bytes()))
    for node in tree.css("script, style, nav, header, footer, noscript, template, form"):
        node.decompose()
    root = tree.body or tree.root
    if root is None:
        return ""
    lines: list[str] = []
    for node in root.traverse(include_text=False):
        if (
            node.tag
            and _BLOCK_TAGS.match(node.tag)
            and not any(c.tag and _BLOCK_TAGS.match(c.tag) for c in node.iter(include_text=False))
        ):
            # Inline tags (<i>, <a>) keep the white space of their text nodes: join without separators.
            text = re.sub(r"\s+", " ", node.text(separator="")).strip()
            if text:
                prefix = "#" * int(node.tag[1]) + " " if re.match(r"h[1-6]$", node.tag) else ""
                lines.append(prefix + text)
    return "\n\n".join(lines)


def _pdf(path: Path) -> str:
    from pypdf import PdfReader

    try:
        reader = PdfReader(str(path))
        return "\n\n".join((page.extract_text() or "") for page in reader.pages)
    except Exception as exc:  # pypdf raises many types for broken files
        raise LoadError(f"{path.name}: geen leesbare PDF ({exc})") from exc


def _docx(path: Path) -> str:
    import docx

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises zipfile and KeyError alike for broken files
        raise LoadError(f"{path.name}: geen leesbaar Word-bestand ({exc})") from exc
    lines = []
    for para in document.paragraphs:
        style = (para.style.name or "").lower() if para.style is not None else ""
        level = re.search(r"heading (\d)", style)
        lines.append(("#" * int(level.group(1)) + " " if level else "") + para.text)
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text.strip() for cell in row.cells))
    return "\n\n".join(lines)


LOADERS: dict[str, Callable[[Path], str]] = {
    ".txt": _text,
    ".md": _text,
    ".html": _html,
    ".htm": _html,
    ".pdf": _pdf,
    ".docx": _docx,
}


def sniff(data: bytes, legacy_text: bool = True) -> str:
    """What the bytes are: 'pdf', 'docx', 'html', 'text' or 'other'.

    Text is UTF-8, or (with `legacy_text`) older Windows text, which the loader reads too; a file
    without a known suffix must be UTF-8 to count as text, since almost any bytes decode as cp1252.
    """
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                return "docx" if "word/document.xml" in z.namelist() else "other"
        except zipfile.BadZipFile:
            return "other"
    sample = data[:8192]
    if b"\x00" in sample:
        return "other"
    try:
        head = sample.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if exc.start >= len(sample) - 4:  # a character cut off at the end of the sample
            head = sample[: exc.start].decode("utf-8-sig")
        elif legacy_text:
            try:
                head = sample.decode("cp1252")  # older Windows text, which the loader reads too
            except UnicodeDecodeError:
                return "other"
        else:
            return "other"
    return "html" if re.search(r"<(!doctype html|html|body)\b", head[:2048], re.I) else "text"


def is_text_file(path: Path) -> bool:
    """A file without a known suffix counts as text when its first bytes are UTF-8 without NULs."""
    return sniff(path.read_bytes()[:8192], legacy_text=False) in ("text", "html")


# Files that are data, code or media rather than documents to answer from.
NOT_DOCUMENTS = frozenset(
    ".json .jsonl .xml .xsd .csv .tsv .yaml .yml .js .css .py .sh .png .jpg .jpeg .gif .svg .ico .zip .gz "
    ".tar .7z .exe .dll .so .bin .mp3 .mp4 .wav .doc .xls .xlsx .ppt .pptx .odt".split()
)


def kind_of(path: Path) -> str:
    """'document' (a known type), 'text' (no known suffix, text inside) or 'skip'."""
    suffix = path.suffix.lower()
    if suffix in SUFFIXES:
        return "document"
    if suffix in NOT_DOCUMENTS:
        return "skip"
    # No suffix, or a name with dots in it ('UP001', 'vragen-iwmo-3.2', 'nota v2.1 (def)'): look inside.
    return "text" if is_text_file(path) else "skip"


def load(path: Path) -> str:
    """The text of a document file; raises LoadError for what cannot be read."""
    kind = kind_of(path)
    if kind == "text":
        return _text(path).replace("\r\n", "\n").replace("\r", "\n")
    if kind == "skip":
        raise LoadError(f"{path.name}: geen tekstbestand en geen ondersteund type ({', '.join(SUFFIXES)})")
    loader = LOADERS.get(path.suffix.lower())
    if loader is None:
        raise LoadError(f"{path.name}: bestandstype {path.suffix or '(geen)'} wordt niet ondersteund")
    return loader(path).replace("\r\n", "\n").replace("\r", "\n")
