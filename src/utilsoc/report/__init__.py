"""Reports: plain-data context, Jinja rendering, matplotlib charts."""
