"""What a truncated PDF still holds, and a trailer that lets PDFium open it.

A PDF ends with its cross-reference table (or stream), a trailer naming the catalog, and
``%%EOF``; an interrupted download loses that end first. When the cut falls after the last
object that anything refers to, every page is still whole: PDFium rebuilds the lost table by
scanning the objects, and a new trailer (:func:`with_trailer`) tells it where the catalog is.
When the cut falls inside or before an object that something refers to (a page, its content,
its font), that page is damaged or gone, and the file must be set aside.

:func:`lost_objects` tells the two apart by reading the bytes: every ``N G obj ... endobj``
that is whole, every ``N G R`` reference in their dictionaries, and which references point at
an object that is cut or missing. It does not open compressed object streams: their members
count as missing, so a truncated file that keeps its pages in object streams is set aside (the
safe side: its pages cannot be proven whole).
"""

from __future__ import annotations

import re

_HEADER = re.compile(rb"(?<![0-9])(\d{1,10})[ \t\r\n\f\x00]+(\d{1,5})[ \t\r\n\f\x00]+obj\b")
_REFERENCE = re.compile(rb"(?<![0-9.])(\d{1,10})\s+(\d{1,5})\s+R\b")
_STREAM_START = re.compile(rb"[\s>]stream\r?\n")
_CATALOG = re.compile(rb"/Type\s*/Catalog\b")


def _objects(data: bytes) -> list[tuple[int, int, bytes, bool]]:
    """``(number, generation, dictionary part, whole)`` of each object in file order; the
    dictionary part stops where stream data starts (references are never inside the data)."""
    headers = list(_HEADER.finditer(data))
    found = []
    for index, header in enumerate(headers):
        end = headers[index + 1].start() if index + 1 < len(headers) else len(data)
        body = data[header.end():end]
        whole = b"endobj" in body
        stream = _STREAM_START.search(body)
        found.append((int(header[1]), int(header[2]), body[: stream.start()] if stream else body,
                      whole))
    return found


def lost_objects(data: bytes) -> list[int]:
    """Numbers of the objects that whole objects of ``data`` refer to but which are cut off or
    missing (the last copy of an object counts, as in an incremental update)."""
    objects = _objects(data)
    whole = {number: is_whole for number, _, _, is_whole in objects}
    referenced: set[int] = set()
    for _, _, dictionary, is_whole in objects:
        if is_whole:
            referenced.update(int(match[1]) for match in _REFERENCE.finditer(dictionary))
    return sorted(number for number in referenced if number and not whole.get(number))


def with_trailer(data: bytes) -> bytes | None:
    """``data`` with a trailer naming its catalog (the last whole one), or None when it has no
    catalog. PDFium, finding no valid cross-reference table, rebuilds it from the objects."""
    catalogs = [
        (number, generation)
        for number, generation, dictionary, whole in _objects(data)
        if whole and _CATALOG.search(dictionary)
    ]
    if not catalogs:
        return None
    number, generation = catalogs[-1]
    return data + b"\ntrailer\n<< /Root %d %d R >>\n%%%%EOF\n" % (number, generation)
