"""The import report as plain text lines (the command line prints what the preview shows,
under the same headings: app.importers.report_groups)."""

from __future__ import annotations

from collections import Counter

from app.importers.report import ImportContext, ImportReport, SourceKind
from app.importers.report_groups import Group, report_groups
from app.importers.table import n_of


def report_lines(
    report: ImportReport,
    context: ImportContext,
    include_duplicates: bool = False,
    update_changed: bool = False,
) -> list[str]:
    lines = [f"Import från {report.source_name} ({report.kind.label})"]
    mapping = report.mapping
    if mapping is not None:
        lines += ["", f"Kolumner (rubrikrad {mapping.header_row}):"]
        width = max((len(c.name) for c in mapping.columns), default=0)
        for c in mapping.columns:
            lines.append(f"  {c.letter:>3}  {c.name:<{width}}  → {c.field_label}")
    items: dict[Group, list[str]] = {
        Group.NEW: _per_type(report, context, include_duplicates),
        Group.CHANGED: [
            line
            for c in report.changed
            for line in (f"  {c}", *(f"      {d}" for d in c.differences))
        ],
        Group.EXISTING: [f"  {d}" for d in report.duplicates],
        Group.REJECTED: [f"  {r}" for r in report.rejected],
        Group.SKIPPED: [f"  {s}" for s in report.skipped],
        Group.WARNINGS: [f"  {w}" for w in report.warnings],
    }
    for g in report_groups(report, include_duplicates, update_changed):
        lines += ["", g.line]
        lines += items[g.group] or ["  inga"]
    return lines


def _per_type(report: ImportReport, context: ImportContext, include_duplicates: bool) -> list[str]:
    to_import = report.to_import(include_duplicates)
    per_type = Counter(context.type_name(r.activity.type_id) for r in to_import)
    if not per_type:
        return []
    guessed = report.kind is SourceKind.ICS or any(r.type_guessed for r in to_import)
    head = "  Per typ (gissad från titeln där typ saknas):" if guessed else "  Per typ:"
    lines = [head, *(f"    {name}: {n}" for name, n in sorted(per_type.items()))]
    if series := report.series(include_duplicates):
        lines.append(f"  Återkommande händelser blir {n_of(series, 'serie', 'serier')}")
    return lines
