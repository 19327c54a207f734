"""Extraction: statements, events and pledges from a parsed article.

``saydo.extract.article.extract_records`` runs them all; each module also stands alone.
"""
