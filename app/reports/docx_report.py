"""The board report as an editable Word file (.docx): the same cover and blocks as the
PDF (app.reports.board_blocks), in Word's own styles so that the board's secretary can
restyle it, with the document's title, author, subject and language (sv-SE) set.

python-docx is imported when a Word file is written, not when the program starts. The
file appears only when complete: saved to a temporary file beside the target and
renamed; on cancel or error nothing is left behind.
"""

from __future__ import annotations

from pathlib import Path

from app.core.atomic_file import atomic_write, save_error
from app.core.progress import Progress
from app.reports.board_blocks import BoardReport


def write_board_docx(
    path: Path | str, report: BoardReport, progress: Progress | None = None
) -> None:
    """Write the report to ``path`` (atomically).

    On a cancel (Cancelled) or an error nothing is left behind and a file already at
    ``path`` is untouched; a file that cannot be saved raises DomainError (save_error).
    """
    import docx

    from app.reports import docx_blocks, docx_style

    checker = progress or Progress()
    path = Path(path)
    document = docx.Document()
    docx_style.setup(document, report)
    docx_blocks.cover(document, report.cover)
    docx_blocks.blocks(document, report.blocks, checker)
    checker.check()
    try:
        with atomic_write(path) as tmp:
            document.save(str(tmp))
            checker.check()
    except OSError as exc:
        raise save_error(path, exc) from exc
    checker.report(1, 1)
