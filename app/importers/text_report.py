"""The import report as plain text lines (the command line prints what the preview shows)."""

from __future__ import annotations

from collections import Counter

from app.importers.report import ImportContext, ImportReport, SourceKind


def report_lines(
    report: ImportReport, context: ImportContext, include_duplicates: bool = False
) -> list[str]:
    lines = [f"Import från {report.source_name} ({report.kind.label})"]
    mapping = report.mapping
    if mapping is not None:
        lines += ["", f"Kolumner (rubrikrad {mapping.header_row}):"]
        width = max((len(c.name) for c in mapping.columns), default=0)
        for c in mapping.columns:
            lines.append(f"  {c.letter:>3}  {c.name:<{width}}  → {c.field.label}")
    to_import = report.to_import(include_duplicates)
    lines += ["", f"Aktiviteter att importera: {len(to_import)}"]
    per_type = Counter(context.type_name(r.activity.type_id) for r in to_import)
    if per_type:
        guessed = report.kind is SourceKind.ICS or any(r.type_guessed for r in to_import)
        head = "  Per typ (gissad från titeln där typ saknas):" if guessed else "  Per typ:"
        lines.append(head)
        lines += [f"    {name}: {n}" for name, n in sorted(per_type.items())]
    lines += ["", f"Rader som inte kan läsas ({len(report.rejected)}):"]
    lines += [f"  {r}" for r in report.rejected] or ["  inga"]
    what = "importeras ändå" if include_duplicates else "hoppas över"
    lines += ["", f"Dubbletter ({len(report.duplicates)}, {what}):"]
    lines += [f"  {d}" for d in report.duplicates] or ["  inga"]
    if report.skipped:
        lines += ["", f"Överhoppat ({len(report.skipped)}):"]
        lines += [f"  {s}" for s in report.skipped]
    lines += ["", f"Varningar ({len(report.warnings)}):"]
    lines += [f"  {w}" for w in report.warnings] or ["  inga"]
    return lines
