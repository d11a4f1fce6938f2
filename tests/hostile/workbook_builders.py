"""Workbooks built at test time, byte by byte, to attack the reader: nothing large is kept in git."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

__all__ = ["ods", "ole2", "sheet_xml", "stated_size", "xlsx"]

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"'
    ' Target="xl/workbook.xml"/></Relationships>'
)
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def sheet_xml(cells: str) -> str:
    """A worksheet part holding ``cells`` (rows of cells, as XML) in its sheetData."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_MAIN}"><sheetData>{cells}</sheetData></worksheet>'
    )


def xlsx(
    path: Path,
    sheets: list[tuple[str, str]],
    *,
    shared: list[str] | None = None,
    hidden: tuple[str, ...] = (),
    charts: tuple[str, ...] = (),
) -> Path:
    """A workbook of ``sheets`` (name, worksheet XML); a name in ``charts`` becomes a chartsheet."""
    entries, relations, parts = [], [], {}
    for number, (name, worksheet) in enumerate(sheets, 1):
        state = ' state="hidden"' if name in hidden else ""
        entries.append(f'<sheet name="{name}" sheetId="{number}"{state} r:id="rId{number}"/>')
        if name in charts:
            kind, target = "chartsheet", f"chartsheets/sheet{number}.xml"
            xml = f'<?xml version="1.0" encoding="UTF-8"?><chartsheet xmlns="{_MAIN}"><sheetPr/></chartsheet>'
        else:
            kind, target, xml = "worksheet", f"worksheets/sheet{number}.xml", worksheet
        relations.append(f'<Relationship Id="rId{number}" Type="{_RELS}/{kind}" Target="{target}"/>')
        parts[f"xl/{target}"] = xml
    if shared is not None:
        number = len(sheets) + 1
        relations.append(f'<Relationship Id="rId{number}" Type="{_RELS}/sharedStrings" Target="sharedStrings.xml"/>')
        items = "".join(f"<si><t>{text}</t></si>" for text in shared)
        parts["xl/sharedStrings.xml"] = f'<sst xmlns="{_MAIN}" count="{len(shared)}">{items}</sst>'
    workbook = f'<workbook xmlns="{_MAIN}" xmlns:r="{_RELS}"><sheets>{"".join(entries)}</sheets></workbook>'
    rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(relations)
        + "</Relationships>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", workbook)
        archive.writestr("xl/_rels/workbook.xml.rels", rels)
        for name, xml in parts.items():
            archive.writestr(name, xml)
    return path


def ods(path: Path, tables: str) -> Path:
    """An OpenDocument spreadsheet whose body holds ``tables`` (table:table elements, as XML)."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content'
        ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest'
        ' xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/"'
        ' manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")  # stored, first
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
    return path


def stated_size(path: Path, member: str, size: int) -> Path:
    """The zip at ``path`` with ``member``'s unpacked size stated as ``size`` in its central directory."""
    data = bytearray(path.read_bytes())
    entry = data.rindex(b"PK\x01\x02")  # central directory entries, from the last one back
    while data[entry + 46 : entry + 46 + int.from_bytes(data[entry + 28 : entry + 30], "little")] != member.encode():
        entry = data.rindex(b"PK\x01\x02", 0, entry)
    struct.pack_into("<I", data, entry + 24, size)
    path.write_bytes(bytes(data))
    return path


def ole2(path: Path, *, directory_sector: int, sectors: int = 1) -> Path:
    """An OLE2 container (512-byte sectors, no FAT) of ``sectors`` empty sectors, whose directory starts at
    ``directory_sector``: a sector past the end of the file when that is ``sectors`` or more."""
    free, end = 0xFFFFFFFF, 0xFFFFFFFE
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16) + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
    header += struct.pack("<IIIIIIIII", 0, 0, directory_sector, 0, 4096, end, 0, end, 0)
    header += struct.pack("<109I", *[free] * 109)
    assert len(header) == 512
    path.write_bytes(header + bytes(512 * sectors))
    return path
