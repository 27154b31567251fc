"""The report's charts as pictures for the Word file: the same reportlab drawing the PDF
shows (pdf_charts), drawn to a one-page PDF in memory and rendered to PNG by pdfium
(reportlab's own bitmap renderer needs a C backend the program does not ship)."""

from __future__ import annotations

from io import BytesIO

import pypdfium2 as pdfium
from reportlab.graphics import renderPDF

from app.reports import pdf_style as st
from app.reports.board_blocks import Chart
from app.reports.pdf_charts import bar_chart

DPI = 200


def chart_png(chart: Chart, dpi: int = DPI) -> tuple[bytes, float]:
    """The chart as PNG bytes, and its width in points (the picture's size on the page)."""
    st.register_fonts()
    drawing = bar_chart(chart.labels, chart.values, chart.title)
    pdf = renderPDF.drawToString(drawing)
    document = pdfium.PdfDocument(pdf)
    try:
        page = document[0]
        bitmap = page.render(scale=dpi / 72)
        try:
            image = bitmap.to_pil()
            out = BytesIO()
            image.save(out, format="PNG", optimize=False)
        finally:
            bitmap.close()
        page.close()
    finally:
        document.close()
    return out.getvalue(), float(drawing.width)
