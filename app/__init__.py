"""Insatslogg — aktivitetslogg och årsuppföljning för samordningsförbundens processledare."""

__version__ = "0.1.0"
APP_NAME = "Insatslogg"
