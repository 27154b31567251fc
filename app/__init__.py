"""Insatslogg — aktivitetslogg och årsuppföljning för samordningsförbundens processledare."""

import os

__version__ = "0.1.0"
APP_NAME = "Insatslogg"

# python-docx (the Word report) brings lxml, which openpyxl would then use in place of its
# own XML writer and reader. Keep openpyxl as it was tested: its errors on a full disk are
# OSErrors (said in Swedish, nothing half-written), and the importers read a workbook's
# XML with the standard library's parser, not lxml's.
os.environ.setdefault("OPENPYXL_LXML", "False")
