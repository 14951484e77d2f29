"""Cross-file checks: what makes a folder valid."""
