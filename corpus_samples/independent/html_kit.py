"""HTML building blocks for the independent test set, printed to PDF by headless Chromium.

The first corpus (``corpus_samples/generate.py``) is drawn with reportlab, line by line. This
set is written the way offices really produce documents: as styled pages (tables, boxes, CSS
columns, fixed running headers) laid out by a browser engine with system fonts (Liberation,
DejaVu), then printed to PDF. Line breaks, reading order and spacing are Chromium's, not ours.
"""

from __future__ import annotations

import html
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")

BASE_CSS = """
@page { size: A4; margin: 20mm 20mm 20mm 30mm; }
* { box-sizing: border-box; }
body { margin: 0; font-size: 13pt; line-height: 1.35; color: #000; }
.page { page-break-after: always; break-after: page; }
.page:last-child { page-break-after: auto; break-after: auto; }
.center { text-align: center; }
.right { text-align: right; }
.upper { text-transform: none; }
.bold { font-weight: bold; }
.italic { font-style: italic; }
.small { font-size: 10.5pt; }
.big { font-size: 17pt; }
.huge { font-size: 21pt; }
.spacer { height: 30mm; }
.spacer-s { height: 12mm; }
p { margin: 0 0 6pt 0; text-align: justify; }
h1, h2, h3 { margin: 10pt 0 6pt 0; }
h2 { font-size: 14pt; }
h3 { font-size: 13pt; }
table { border-collapse: collapse; width: 100%; }
td, th { vertical-align: top; padding: 3pt 5pt; }
table.grid td, table.grid th { border: 0.6pt solid #000; }
.box { border: 1.5pt solid #000; padding: 10pt 14pt; margin: 14pt 0; }
.double { border: 3pt double #000; padding: 16pt; }
.columns { column-count: 2; column-gap: 8mm; }
.rule { border-top: 0.8pt solid #000; margin: 6pt 0; }
"""


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def document(body: str, css: str = "", font: str = "Liberation Serif", title: str = "") -> str:
    """A whole HTML document: base CSS, the document's own CSS and font family."""
    return (
        '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">'
        f"<title>{esc(title)}</title>"
        f"<style>{BASE_CSS}\nbody {{ font-family: '{font}'; }}\n{css}</style>"
        f"</head><body>\n{body}\n</body></html>\n"
    )


def page(content: str, extra_class: str = "") -> str:
    return f'<div class="page {extra_class}">\n{content}\n</div>'


def para(text: str, cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return f"<p{attr}>{esc(text)}</p>"


def lines(*texts: str, cls: str = "center") -> str:
    """One block per line of text (cover pages are made of separate centred lines)."""
    return "\n".join(f'<div class="{cls}">{esc(text)}</div>' for text in texts)


def label_table(rows: list[tuple[str, str]], label_width: str = "32%", grid: bool = True) -> str:
    """Two-column table: label in bold on the left, value on the right (HTML in values allowed)."""
    body = "\n".join(
        f'<tr><td style="width:{label_width}"><b>{esc(label)}</b></td><td>{value}</td></tr>'
        for label, value in rows
    )
    cls = ' class="grid"' if grid else ""
    return f"<table{cls}>\n{body}\n</table>"


def grid_table(header: list[str], rows: list[list[str]], widths: list[str] | None = None) -> str:
    """A ruled table with a bold header row (cells escaped)."""
    widths = widths or [""] * len(header)
    head = "".join(
        f'<th style="width:{width}">{esc(cell)}</th>'
        for cell, width in zip(header, widths, strict=True)
    )
    body = "\n".join(
        "<tr>" + "".join(f"<td>{esc(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    return f'<table class="grid">\n<tr>{head}</tr>\n{body}\n</table>'


def find_chromium() -> str:
    for candidate in CHROMIUM_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        raise SystemExit(
            "Headless Chromium is needed to print the independent set (Debian: chromium)"
        )
    return found


def print_pdf(html_text: str, out: Path, workdir: Path) -> None:
    """Write ``html_text`` to ``workdir`` and print it to ``out`` with headless Chromium."""
    source = workdir / (out.stem + ".html")
    source.write_text(html_text, encoding="utf-8")
    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    command = [
        find_chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--no-pdf-header-footer",
        f"--print-to-pdf={out}",
        source.resolve().as_uri(),
    ]
    try:
        subprocess.run(
            command,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=120,
            env={**os.environ, "LANG": "C.UTF-8"},
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    if not out.exists() or out.stat().st_size == 0:
        raise SystemExit(f"Chromium did not write {out}")
