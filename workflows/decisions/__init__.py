"""Decisions (Bescheide) as PDF: their default wording, the letter they are set in, and the safe rendering."""
