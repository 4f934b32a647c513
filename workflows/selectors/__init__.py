"""Reads about cases, one module per kind of reader: access, forms, deadlines, timelines, reports and the
editors' configuration. Business rules that change data live in workflows.services."""
