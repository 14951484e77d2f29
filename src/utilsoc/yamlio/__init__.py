"""The one strict YAML reader and writer used by every command."""
