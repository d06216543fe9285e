"""Small generated PDFs for the demo documents and for `generate_documents` (fpdf2).

fpdf2's built-in fonts are Latin-1 only; with DejaVu Sans installed (Debian's
fonts-dejavu-core, present wherever Chromium is) the text keeps its Vietnamese diacritics,
otherwise it is written folded ("Nghi dinh"), which the search folds the same way.
"""

from pathlib import Path

from portal.vietnamese import fold

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def simple_pdf(heading, paragraphs):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_compression(True)
    pdf.add_page()
    if FONT.exists():
        pdf.add_font("DejaVu", fname=str(FONT))
        pdf.set_font("DejaVu", size=11)

        def text(value):
            return value
    else:
        pdf.set_font("Helvetica", size=11)

        def text(value):
            return fold(value).upper() if value.isupper() else fold(value)

    pdf.multi_cell(0, 7, text(heading))
    pdf.ln(4)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, text(paragraph))
        pdf.ln(2)
    return bytes(pdf.output())
