"""Properties of anchoring and of the W3C annotation API, for texts and documents hypothesis makes."""
import json

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from annotations.notes import anchoring, highlights
from annotations.reading import articles

CASES = settings(max_examples=40, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
# German with what trips offsets up: combining marks, astral emoji, non-breaking spaces.
CHARS = st.sampled_from(list("abcdefghijklmnopqrstuvwxyzäöüßÄÖÜ .,!?-") + ["e\u0301", "😀", "𝔊", "\u00a0"])
PARA = st.lists(CHARS, min_size=3, max_size=80).map("".join)
LD = "application/ld+json"
CTX = "http://www.w3.org/ns/anno.jsonld"


@CASES
@given(PARA, st.data())
def test_utf16_offsets_round_trip(text, data):
    cp = data.draw(st.integers(0, len(text)))
    assert anchoring.utf16_to_cp(text, anchoring.cp_to_utf16(text, cp)) == cp


@CASES
@given(st.lists(PARA, min_size=1, max_size=6), st.data())
def test_a_quote_is_found_exactly_where_it_is(texts, data):
    i = data.draw(st.integers(0, len(texts) - 1))
    start = data.draw(st.integers(0, len(texts[i]) - 1))
    end = data.draw(st.integers(start + 1, len(texts[i])))
    exact, prefix, suffix = anchoring.quote_selector(texts[i], start, end)
    assume(exact.strip())
    found = anchoring.locate(texts, exact, prefix, suffix)
    assert found.index is not None
    assert texts[found.index][found.start:found.end] == exact


@CASES
@given(st.lists(PARA, min_size=1, max_size=5), PARA, st.data())
def test_an_edit_elsewhere_never_loses_or_moves_a_highlight(texts, inserted, data):
    i = data.draw(st.integers(0, len(texts) - 1))
    start = data.draw(st.integers(0, len(texts[i]) - 1))
    end = data.draw(st.integers(start + 1, len(texts[i])))
    exact, prefix, suffix = anchoring.quote_selector(texts[i], start, end)
    where = data.draw(st.integers(0, len(texts)))
    new_texts = texts[:where] + [inserted] + texts[where:]
    found = anchoring.Reanchorer(texts, new_texts).anchor(i, start, end, exact, prefix, suffix)
    assert found.index is not None and new_texts[found.index][found.start:found.end] == exact


# --- the annotation API ---------------------------------------------------------------------

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["@context", "type", "target", "source", "selector", "value", "body", "bodyValue",
                         "exact", "start", "end", "refinedBy", "motivation", "id", "created", "via", "x"]),
        inner, max_size=6),
    max_leaves=20)


def annotation_like(article_url):
    """Documents close to valid annotations, with any value in any member."""
    return st.fixed_dictionaries({
        "@context": st.just(CTX) | JSON, "type": st.just("Annotation") | JSON,
        "target": st.fixed_dictionaries({"source": st.just(article_url) | JSON,
                                         "selector": st.fixed_dictionaries({
                                             "type": st.sampled_from(["FragmentSelector", "TextQuoteSelector",
                                                                      "TextPositionSelector"]),
                                             "value": st.just("p-1") | JSON, "exact": JSON,
                                             "start": JSON, "end": JSON})}),
    }, optional={"bodyValue": JSON, "body": JSON, "motivation": JSON, "created": JSON, "via": JSON, "id": JSON})


@CASES
@given(data=st.data())
def test_any_document_is_stored_whole_or_refused_with_a_4xx(client, db, data):
    art = articles.get_blocks(db, 1) and 1
    doc = data.draw(annotation_like(f"http://localhost/articles/{art}"))
    before = db["highlights"].count
    r = client.post("/annotations/", data=json.dumps(doc), content_type=LD)
    assert r.status_code in (201, 400), (r.status_code, r.get_data(as_text=True)[:300])
    if r.status_code == 400:
        assert db["highlights"].count == before and r.get_json()["message"]
    else:
        assert db["highlights"].count == before + 1
        assert client.get(r.headers["Location"]).status_code == 200


@CASES
@given(data=st.data())
def test_a_selection_posted_comes_back_as_the_same_quote(client, db, data):
    block = data.draw(st.sampled_from([b for b in articles.get_blocks(db, 1) if b["kind"] == "paragraph"]))
    text = block["text"]
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, min(len(text), start + 200)))
    assume(text[start:end].strip())
    doc = {"@context": CTX, "type": "Annotation", "bodyValue": data.draw(st.text(min_size=1, max_size=50).filter(
        lambda s: s.strip() and not any(0xD800 <= ord(c) <= 0xDFFF or c == "\0" for c in s))),
           "target": {"source": "http://localhost/articles/1", "selector": {
               "type": "FragmentSelector", "value": f"p-{block['n']}", "refinedBy": [
                   {"type": "TextPositionSelector", "start": start, "end": end}]}}}
    r = client.post("/annotations/", data=json.dumps(doc), content_type=LD)
    assert r.status_code == 201, r.get_data(as_text=True)
    stored = highlights.get(db, r.headers["Location"].rsplit("/", 1)[1])
    assert stored["exact"] == text[start:end] and (stored["start"], stored["end"]) == (start, end)
