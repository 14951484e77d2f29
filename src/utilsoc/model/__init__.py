"""Pydantic models of every file an association keeps."""
