"""What writing the board report as a Word file gives back, and the line that says so."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class DocxResult:
    path: Path
    findings: int
    span: str

    def message(self) -> str:
        return f"Skrev rapporten {self.span} som Word-dokument till {self.path}."
