"""Charts of the tracker as inline SVG, drawn on the server: no script, no CDN, readable in print
and without colour (every bar carries its number, fills are hatch patterns in black, target
bands are a pattern of their own and named in words)."""

from __future__ import annotations

from itertools import count

from markupsafe import Markup, escape

_ids = count(1)
PATTERNS = (
    '<pattern id="{id}-p0" width="6" height="6" patternUnits="userSpaceOnUse">'
    '<rect width="6" height="6" fill="#fff"/><path d="M0,6 L6,0" stroke="#222" '
    'stroke-width="1.2"/></pattern>',
    '<pattern id="{id}-p1" width="6" height="6" patternUnits="userSpaceOnUse">'
    '<rect width="6" height="6" fill="#fff"/><circle cx="3" cy="3" r="1.3" fill="#222"/>'
    '</pattern>',
    '<pattern id="{id}-band" width="8" height="8" patternUnits="userSpaceOnUse">'
    '<rect width="8" height="8" fill="#fff"/><path d="M0,4 L8,4" stroke="#888" '
    'stroke-width="1"/></pattern>',
)


def _title_lines(title: str, limit: int = 62) -> list[str]:
    """The title in lines of at most ``limit`` characters (SVG text does not wrap)."""
    lines, line = [], ""
    for word in title.split():
        if line and len(line) + 1 + len(word) > limit:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line] if line else lines


def _heading(title: str, x: int = 0) -> str:
    return "".join(f'<text x="{x}" y="{18 + 17 * index}" font-weight="bold">{escape(line)}'
                   "</text>" for index, line in enumerate(_title_lines(title)))


def _open(chart_id: str, width: int, height: int, title: str, desc: str) -> list[str]:
    return [
        f'<svg class="chart" id="{chart_id}" viewBox="0 0 {width} {height}" width="100%" '
        f'role="img" aria-labelledby="{chart_id}-t {chart_id}-d" '
        f'xmlns="http://www.w3.org/2000/svg" font-family="DejaVu Sans, sans-serif" '
        f'font-size="14">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(desc)}</desc>',
        "<defs>" + "".join(pattern.format(id=chart_id) for pattern in PATTERNS) + "</defs>",
    ]


def columns(points: list[dict], *, title: str, desc: str, label_of, note_of=None,
            band: tuple[float, float] | None = None, band_label: str = "",
            top: float | None = None, chart_id: str | None = None) -> Markup:
    """Vertical columns, one per point {"x", "value"}: value written above each column
    (``label_of``), an optional note under the x label (``note_of``, e.g. the growth), an
    optional target band drawn behind the columns with its lower bound as a dashed line."""
    chart_id = chart_id or f"chart{next(_ids)}"
    lines = len(_title_lines(title))
    width, height = 640, 306 + 17 * (lines - 1)
    left, right, top_pad, bottom = 16, 16, 62 + 17 * (lines - 1), 58
    plot_h = height - top_pad - bottom
    values = [point["value"] for point in points if point["value"] is not None]
    ceiling = top or max(values + ([band[1]] if band else []) + [0]) or 1
    ceiling *= 1.12
    slot = (width - left - right) / max(len(points), 1)
    bar_w = min(60, slot * 0.6)

    def y(value):
        return top_pad + plot_h * (1 - value / ceiling)

    parts = _open(chart_id, width, height, title, desc)
    parts.append(_heading(title, left))
    if band:
        low, high = band
        parts.append(f'<rect x="{left}" y="{y(min(high, ceiling)):.1f}" '
                     f'width="{width - left - right}" '
                     f'height="{y(low) - y(min(high, ceiling)):.1f}" '
                     f'fill="url(#{chart_id}-band)" stroke="#888" stroke-width="0.5"/>')
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y(low):.1f}" '
                     f'y2="{y(low):.1f}" stroke="#000" stroke-dasharray="6 4"/>')
        legend_y = top_pad - 12  # the legend above the plot: never over a column's number
        parts.append(f'<line x1="{width - right - 40}" x2="{width - right}" y1="{legend_y}" '
                     f'y2="{legend_y}" stroke="#000" stroke-dasharray="6 4"/>')
        parts.append(f'<text x="{width - right - 46}" y="{legend_y + 4}" text-anchor="end" '
                     f'font-size="12">{escape(band_label)}</text>')
    baseline = top_pad + plot_h
    parts.append(f'<line x1="{left}" x2="{width - right}" y1="{baseline}" y2="{baseline}" '
                 'stroke="#000"/>')
    for index, point in enumerate(points):
        centre = left + slot * index + slot / 2
        value = point["value"]
        if value is not None:
            top_y = y(value)
            parts.append(f'<rect class="bar" x="{centre - bar_w / 2:.1f}" y="{top_y:.1f}" '
                         f'width="{bar_w:.1f}" height="{baseline - top_y:.1f}" '
                         f'fill="url(#{chart_id}-p0)" stroke="#000"/>')
            parts.append(f'<text class="value" x="{centre:.1f}" y="{top_y - 5:.1f}" '
                         f'text-anchor="middle">{escape(label_of(value))}</text>')
        else:
            parts.append(f'<text class="value" x="{centre:.1f}" y="{baseline - 6}" '
                         f'text-anchor="middle" font-size="12">{escape(label_of(None))}</text>')
        parts.append(f'<text x="{centre:.1f}" y="{baseline + 17}" text-anchor="middle">'
                     f'{escape(str(point["x"]))}</text>')
        if note_of is not None:
            note = note_of(point)
            if note:
                parts.append(f'<text x="{centre:.1f}" y="{baseline + 34}" text-anchor="middle" '
                             f'font-size="11">{escape(note)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def bars(pairs: list[tuple[str, int]], *, title: str, desc: str, empty: str,
         chart_id: str | None = None) -> Markup:
    """Horizontal bars, one per (label, count), the count written at the end of each bar."""
    chart_id = chart_id or f"chart{next(_ids)}"
    row = 28
    width = 640
    label_w = 300
    offset = 17 * (len(_title_lines(title)) - 1)
    height = 44 + offset + row * max(len(pairs), 1)
    parts = _open(chart_id, width, height, title, desc)
    parts.append(_heading(title))
    if not pairs:
        parts.append(f'<text x="0" y="{54 + offset}">{escape(empty)}</text></svg>')
        return Markup("".join(parts))
    top = max(value for _, value in pairs) or 1
    for index, (label, value) in enumerate(pairs):
        y = 34 + offset + row * index
        length = (width - label_w - 60) * value / top
        short = label if len(label) <= 34 else label[:33] + "…"
        parts.append(f'<text x="0" y="{y + 15}"><title>{escape(label)}</title>'
                     f'{escape(short)}</text>')
        parts.append(f'<rect class="bar" x="{label_w}" y="{y + 3}" width="{length:.1f}" '
                     f'height="{row - 8}" fill="url(#{chart_id}-p{index % 2})" stroke="#000"/>')
        parts.append(f'<text class="value" x="{label_w + length + 6:.1f}" y="{y + 15}">'
                     f'{value}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
