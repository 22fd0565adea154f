"""Notes: highlights and notes, anchoring, Markdown, the W3C model and protocol, backups and exports."""
