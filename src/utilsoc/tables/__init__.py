"""Spreadsheets in and out: CSV and XLSX."""
