"""Safe writes to the association's files."""
