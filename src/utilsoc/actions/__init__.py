"""Commands that write the association's files: record, evidence, import, init, schema."""
