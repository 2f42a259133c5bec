"""Charts drawn on the server as SVG: no JavaScript, no chart library, nothing fetched.

Each chart is an ``<svg role="img">`` with a ``<title>`` and a ``<desc>``; the pages put the same
figures in a table beside it for screen readers (the SVG itself is ``aria-hidden`` text-wise).
"""
from __future__ import annotations

from markupsafe import Markup, escape

BAR = "#3b6ea5"
BAR_WARN = "#b54a2a"
BAR_KEY = "#2e7d32"
AXIS = "#555"


def _fmt(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.2f}"


def histogram(bins: list[tuple[str, int]], title: str, chart_id: str = "histogram",
              width: int = 560, height: int = 240) -> Markup:
    """Vertical bars, one per bin, labelled under the axis, with the count above each bar."""
    left, bottom, top = 36, 40, 16
    plot_w, plot_h = width - left - 8, height - bottom - top
    peak = max([c for _, c in bins] + [1])
    step = plot_w / max(len(bins), 1)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{escape(chart_id)}" role="img" '
             f'aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc" viewBox="0 0 {width} {height}" '
             f'width="100%" preserveAspectRatio="xMinYMin meet">',
             f'<title id="{escape(chart_id)}-title">{escape(title)}</title>',
             f'<desc id="{escape(chart_id)}-desc">{escape(", ".join(f"{lab}: {c}" for lab, c in bins))}</desc>',
             f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 8}" y2="{top + plot_h}" stroke="{AXIS}"/>',
             f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}" stroke="{AXIS}"/>',
             f'<text x="{left - 4}" y="{top + 4}" text-anchor="end" font-size="11" fill="{AXIS}">{peak}</text>',
             f'<text x="{left - 4}" y="{top + plot_h}" text-anchor="end" font-size="11" fill="{AXIS}">0</text>']
    for i, (label, count) in enumerate(bins):
        h = plot_h * count / peak
        x = left + i * step + 2
        parts.append(f'<rect class="bar" x="{x:.1f}" y="{top + plot_h - h:.1f}" width="{step - 4:.1f}" '
                     f'height="{h:.1f}" fill="{BAR}"><title>{escape(label)}: {count}</title></rect>')
        if count:
            parts.append(f'<text x="{x + (step - 4) / 2:.1f}" y="{top + plot_h - h - 3:.1f}" text-anchor="middle" '
                         f'font-size="11">{count}</text>')
        parts.append(f'<text x="{x + (step - 4) / 2:.1f}" y="{top + plot_h + 14:.1f}" text-anchor="middle" '
                     f'font-size="10" fill="{AXIS}">{escape(label.split("–")[0])}</text>')
    parts.append(f'<text x="{left + plot_w / 2:.1f}" y="{height - 6}" text-anchor="middle" font-size="11" '
                 f'fill="{AXIS}">score (%), bands of 10 points</text></svg>')
    return Markup("".join(parts))


def bars(rows: list[tuple[str, float]], title: str, chart_id: str = "bars", maximum: float = 1.0,
         warn_below: float | None = None, width: int = 560, label_width: int = 180,
         highlight: list[bool] | None = None, unit: str = "") -> Markup:
    """Horizontal bars (value 0..maximum), one per row, the value written at the bar's end.
    Rows marked in ``highlight`` (the key of a question) are green and their label starts with ✓;
    ``unit`` is written after each value (percentages: one decimal at most)."""
    def fmt(value: float) -> str:
        return f"{round(value, 1):g}{unit}" if unit else _fmt(value)

    row_h, top = 24, 8
    height = top * 2 + row_h * max(len(rows), 1)
    plot_w = width - label_width - 50
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{escape(chart_id)}" role="img" '
             f'aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc" viewBox="0 0 {width} {height}" '
             f'width="100%" preserveAspectRatio="xMinYMin meet">',
             f'<title id="{escape(chart_id)}-title">{escape(title)}</title>',
             f'<desc id="{escape(chart_id)}-desc">{escape(", ".join(f"{lab}: {fmt(v)}" for lab, v in rows))}</desc>']
    for i, (label, value) in enumerate(rows):
        y = top + i * row_h
        w = plot_w * max(0.0, min(value, maximum)) / maximum if maximum else 0
        colour = BAR_WARN if warn_below is not None and value < warn_below else BAR
        if highlight and i < len(highlight) and highlight[i]:
            colour, label = BAR_KEY, "✓ " + label
        short = label if len(label) <= 25 else label[:24] + "…"  # 25 characters fit in the label column
        parts.append(f'<text x="{label_width - 6}" y="{y + 16}" text-anchor="end" font-size="12">{escape(short)}</text>')
        parts.append(f'<rect class="bar" x="{label_width}" y="{y + 4}" width="{w:.1f}" height="{row_h - 8}" '
                     f'fill="{colour}"><title>{escape(label)}: {fmt(value)}</title></rect>')
        parts.append(f'<text x="{label_width + w + 4:.1f}" y="{y + 16}" font-size="12">{fmt(value)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
