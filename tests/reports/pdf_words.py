"""The words of a PDF with their boxes, page by page, as poppler's pdftotext finds them
(the same words a reader sees), and the checks the layout tests make with them."""

from __future__ import annotations

import html
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

_PAGE = re.compile(r"<page [^>]*>(.*?)</page>", re.S)
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)


@dataclass(frozen=True)
class Word:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    def overlaps(self, other: Word, slack: float = 0.3) -> bool:
        return (
            min(self.x1, other.x1) - max(self.x0, other.x0) > slack
            and min(self.y1, other.y1) - max(self.y0, other.y0) > slack
        )


def pages(path: Path) -> list[list[Word]]:
    out = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return [
        [
            Word(float(a), float(b), float(c), float(d), html.unescape(t))
            for a, b, c, d, t in _WORD.findall(page)
        ]
        for page in _PAGE.findall(out)
    ]


def overlapping(words: list[Word], slack: float = 0.3) -> list[tuple[str, str]]:
    """Pairs of words whose boxes cross each other by more than ``slack`` points both
    ways (text drawn over text)."""
    found = []
    ordered = sorted(words, key=lambda w: w.y0)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if b.y0 >= a.y1:
                break
            if a.overlaps(b, slack):
                found.append((a.text, b.text))
    return found


def page_text(words: list[Word]) -> str:
    return " ".join(w.text for w in words)


def fonts(path: Path) -> list[dict[str, str]]:
    """pdffonts' table: one dict per font (name, type, encoding, emb, sub, uni, …),
    cut at the columns its ruler line of dashes marks."""
    lines = subprocess.run(
        ["pdffonts", str(path)], check=True, capture_output=True, text=True
    ).stdout.splitlines()
    spans = [m.span() for m in re.finditer(r"-+", lines[1])]
    names = [lines[0][a:b].strip() or lines[0][a:].split()[0] for a, b in spans]
    rows = []
    for line in lines[2:]:
        if line.strip():
            cells = [
                line[a : (spans[i + 1][0] if i + 1 < len(spans) else None)].strip()
                for i, (a, _) in enumerate(spans)
            ]
            rows.append(dict(zip(names, cells, strict=True)))
    return rows
