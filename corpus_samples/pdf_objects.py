"""A PDF written object by object, with a correct cross-reference table: for files no PDF
library would write (an empty page tree here; page-tree loops, circular forms and the like in
``tests/hostile_pdfs.py``). No imports of its own, so both can use it."""

from __future__ import annotations


def assemble(objects: list[bytes], *, trailer: bytes = b"", version: bytes = b"1.7") -> bytes:
    """A PDF around hand-written objects, numbered from 1 (1 is the catalog); ``trailer``
    adds entries to the trailer dictionary."""
    out = bytearray(b"%%PDF-%s\n%%\xe2\xe3\xcf\xd3\n" % version)
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, trailer, xref)
    return bytes(out)
