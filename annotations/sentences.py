"""Placeholder: sentence splitting and alignment spans (translation work)."""


def spans(db, article_id, blocks):
    return {}
