"""Figures: numbers as reports write them, their units, qualifiers and labels."""
