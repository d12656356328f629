"""The appendix as a Word file laid out by the rules for administrative documents.

Nghị định 30/2020/NĐ-CP, Phụ lục I: A4 paper; margins top and bottom 20–25 mm, left
30–35 mm, right 15–20 mm; Times New Roman 13–14 pt; page numbers centred at the top from
the second page.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table, _Row
from lxml.etree import _Element as Element

from trangxa.core.dates import format_vn_short
from trangxa.core.vnformat import format_number
from trangxa.report.appendix import Appendix, Cell, Listing

FONT = "Times New Roman"
LANGUAGE = "vi-VN"
BODY_SIZE = Pt(14)
TABLE_SIZE = Pt(13)
PAGE_WIDTH_CM = 21.0
PAGE_HEIGHT_CM = 29.7
MARGINS_CM = {"top": 2.0, "bottom": 2.0, "left": 3.0, "right": 1.5}
TEXT_WIDTH_CM = PAGE_WIDTH_CM - MARGINS_CM["left"] - MARGINS_CM["right"]
TABLE_STYLE = "Table Text"

_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}
# Theme font attributes win over the plain ones in Word, so they are removed.
_THEME_FONT_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def _child(parent: Element, tag: str) -> Element:
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        parent.append(found)
    return found


def _set_fonts_and_language(rpr: Element) -> None:
    """Times New Roman for every script slot and Vietnamese proofing on a run-properties element."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        # rFonts comes first among run properties in the schema.
        rpr.insert(0, fonts)
    for attribute in _THEME_FONT_ATTRIBUTES:
        fonts.attrib.pop(qn(attribute), None)
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)
    language = _child(rpr, "w:lang")
    for slot in ("w:val", "w:eastAsia", "w:bidi"):
        language.set(qn(slot), LANGUAGE)


def _setup_styles(document: DocxDocument) -> None:
    styles_element = document.styles.element
    defaults = _child(_child(_child(styles_element, "w:docDefaults"), "w:rPrDefault"), "w:rPr")
    _set_fonts_and_language(defaults)
    for style in document.styles:
        if style.type in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER, WD_STYLE_TYPE.TABLE):
            _set_fonts_and_language(style.element.get_or_add_rPr())
    normal = document.styles["Normal"]
    normal.font.size = BODY_SIZE
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.0
    table_text = document.styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    table_text.base_style = normal
    table_text.font.size = TABLE_SIZE
    table_text.paragraph_format.space_after = Pt(0)
    _set_fonts_and_language(table_text.element.get_or_add_rPr())
    # Word's spelling checker also reads the document's theme language.
    settings = document.settings.element
    theme_language = _child(settings, "w:themeFontLang")
    theme_language.set(qn("w:val"), LANGUAGE)


def _setup_page(document: DocxDocument) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = Cm(PAGE_WIDTH_CM)
    section.page_height = Cm(PAGE_HEIGHT_CM)
    section.top_margin = Cm(MARGINS_CM["top"])
    section.bottom_margin = Cm(MARGINS_CM["bottom"])
    section.left_margin = Cm(MARGINS_CM["left"])
    section.right_margin = Cm(MARGINS_CM["right"])
    section.header_distance = Cm(1.0)
    section.footer_distance = Cm(1.0)
    # The first page carries no number.
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    paragraph._p.append(field)


def _paragraph(
    document: DocxDocument,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.JUSTIFY,
    indent: bool = False,
) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = align
    if indent:
        paragraph.paragraph_format.first_line_indent = Cm(1.0)
    run = paragraph.add_run(text)
    run.bold = bold
    run.italic = italic


def cell_text(value: Cell) -> str:
    """A value as the Word table shows it: dates dd/mm/yyyy, numbers with dot thousands."""
    if isinstance(value, datetime):
        return format_vn_short(value)
    if isinstance(value, int):
        return format_number(value)
    return value


def _fix_width(table: Table, widths: list[float]) -> None:
    """Fixed layout, a grid and a table width, so no program widens it past the margins."""
    table.autofit = False
    total = Cm(sum(widths))
    properties = table._tbl.tblPr
    table_width = _child(properties, "w:tblW")
    table_width.set(qn("w:type"), "dxa")
    table_width.set(qn("w:w"), str(total.twips))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)


def _fill_row(
    row: _Row, values: tuple[Cell, ...], listing: Listing, style_id: str, *, bold: bool
) -> None:
    # A row is kept whole on one page, as a reader expects of a register.
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    for cell, value, column in zip(row.cells, values, listing.columns, strict=True):
        cell.width = Cm(column.width_cm)
        paragraph = cell.paragraphs[0]
        # The style by its id: python-docx looks a name up through every style each time.
        paragraph._p.style = style_id
        paragraph.alignment = _ALIGN[column.align]
        run = paragraph.add_run(cell_text(value))
        run.bold = bold


def _repeat_as_header(table: Table) -> None:
    """The heading row is printed again at the top of each page a long table runs onto."""
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def _listing(document: DocxDocument, number: int, listing: Listing) -> None:
    _paragraph(document, f"{number}. {listing.title}", bold=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    if not listing.rows and listing.total is None:
        _paragraph(document, listing.empty_text, italic=True, indent=True)
        return
    size = 1 + len(listing.rows) + (listing.total is not None)
    table = document.add_table(rows=size, cols=len(listing.columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _fix_width(table, [column.width_cm for column in listing.columns])
    header = tuple(column.name for column in listing.columns)
    lines: list[tuple[tuple[Cell, ...], bool]] = [(header, True)]
    lines += [(values, index in listing.marked) for index, values in enumerate(listing.rows)]
    if listing.total is not None:
        lines.append((listing.total, True))
    # One pass over the rows: python-docx finds table.rows[i] by walking every row before it.
    style_id = document.styles[TABLE_STYLE].style_id
    for row, (values, bold) in zip(table.rows, lines, strict=True):
        _fill_row(row, values, listing, style_id, bold=bold)
    for cell in table.rows[0].cells:
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _repeat_as_header(table)
    if not listing.rows:
        _paragraph(document, listing.empty_text, italic=True, indent=True)
    if listing.note:
        _paragraph(document, listing.note, italic=True)
    else:
        # An empty paragraph keeps two tables in a row from merging into one.
        document.add_paragraph()


def write_docx(appendix: Appendix, path: Path) -> None:
    """Write the appendix, ready to attach to the report."""
    document = Document()
    _setup_styles(document)
    _setup_page(document)
    center = WD_ALIGN_PARAGRAPH.CENTER
    _paragraph(document, appendix.agency.upper(), bold=True, align=center)
    _paragraph(document, "PHỤ LỤC", bold=True, align=center)
    _paragraph(document, appendix.title, bold=True, align=center)
    _paragraph(document, appendix.attachment, italic=True, align=center)
    _paragraph(document, appendix.period_line, indent=True)
    for note in appendix.notes:
        _paragraph(document, f"Lưu ý: {note}", italic=True, indent=True)
    for sentence in appendix.summary:
        _paragraph(document, sentence, indent=True)
    for number, listing in enumerate(appendix.listings, start=1):
        _listing(document, number, listing)
    document.save(str(path))
