"""A dependency-free SVG bar chart of the benchmark speedups (1.0 = PyTorch eager fp32)."""

from __future__ import annotations

from html import escape
from typing import Any


def speedup_svg(rows: list[dict[str, Any]], meta: dict[str, Any]) -> str:
    bars = [r for r in rows if r.get("speedup") is not None and r["backend"] != "pytorch eager fp32"]
    width, left, bar_h, gap = 1000, 480, 18, 6
    top = 50
    height = top + len(bars) * (bar_h + gap) + 40
    top_speed = max([r["speedup"] for r in bars] + [1.0]) * 1.1
    scale = (width - left - 60) / top_speed
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" '
           f'font-size="12">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="10" y="20" font-size="15">Speedup vs PyTorch eager fp32 ({escape(str(meta.get("device")))}, '
           f'{meta.get("threads")} threads) - higher is faster</text>']
    for i, r in enumerate(bars):
        y = top + i * (bar_h + gap)
        w = max(1.0, r["speedup"] * scale)
        color = "#2b8a3e" if r["speedup"] >= 1 else "#c92a2a"
        backend = r["backend"].replace("onnxruntime", "ORT").replace(" (Workbench stream)", " stream")
        label = f'{backend} | {r["metric"]} | {r["shape"]}'
        out.append(f'<text x="{left - 6}" y="{y + 13}" text-anchor="end">{escape(label)}</text>')
        out.append(f'<rect x="{left}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{color}"/>')
        out.append(f'<text x="{left + w + 4:.1f}" y="{y + 13}">{r["speedup"]:.2f}x</text>')
    one = left + scale
    out.append(f'<line x1="{one:.1f}" y1="{top - 6}" x2="{one:.1f}" y2="{height - 30}" stroke="#333" '
               f'stroke-dasharray="4,3"/>')
    out.append(f'<text x="{one:.1f}" y="{height - 14}" text-anchor="middle">1x</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"
