"""Hypothesis exports (its API's JSON: rows with uri, text, tags and target[].selector) as W3C annotations."""
from .webanno import CONTEXT


def is_hypothesis(item):
    """Say whether a JSON object is a Hypothesis annotation row rather than a W3C annotation."""
    return isinstance(item, dict) and "@context" not in item and "uri" in item \
        and isinstance(item.get("target"), list)


def rows(doc):
    """Return the Hypothesis rows of an export (a list, or the API's {"rows": [...]}), else None."""
    items = doc.get("rows") if isinstance(doc, dict) else doc
    if isinstance(items, list) and items and all(is_hypothesis(i) for i in items):
        return items
    return None


def to_w3c(row):
    """Return the W3C JSON-LD annotation a Hypothesis row describes."""
    bodies = []
    if isinstance(row.get("text"), str) and row["text"].strip():
        bodies.append({"type": "TextualBody", "value": row["text"], "format": "text/markdown",
                       "purpose": "commenting"})
    for tag in row.get("tags") or []:
        if isinstance(tag, str):
            bodies.append({"type": "TextualBody", "value": tag, "purpose": "tagging"})
    targets = []
    for target in row["target"]:
        if isinstance(target, dict):
            selectors = [s for s in target.get("selector") or [] if isinstance(s, dict)]
            targets.append({"source": target.get("source") or row["uri"], "selector": selectors})
    doc = {"@context": CONTEXT, "type": "Annotation", "target": targets[0] if len(targets) == 1 else targets}
    if bodies:
        doc["body"] = bodies
    for ours, theirs in (("created", "created"), ("modified", "updated")):
        if isinstance(row.get(theirs), str):
            doc[ours] = row[theirs]
    if isinstance(row.get("id"), str):
        # Where it came from: importing the same export twice finds it again by this.
        doc["id"] = f"https://hypothes.is/a/{row['id']}"
    if isinstance(row.get("user"), str):
        doc["creator"] = row["user"]
    return doc
