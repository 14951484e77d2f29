"""Figures from valid records: series, progress, gains, status."""
