"""Word views: the lookup popover, saving words, the vocabulary page and its exports."""
import json

from flask import Blueprint, Response, abort, redirect, render_template, request, url_for
from markupsafe import Markup

from ..common import WORD
from ..db import get_db
from ..learning import popover, review
from ..learning import status as word_status
from ..notes import anchoring
from ..reading import articles
from ..translation import sentences, translate
from ..web import htmx, load_article, settings, whole_number
from . import align, anki, context, dictionary, importer, senses, unlisted, vocab

bp = Blueprint("words_views", __name__)

MAX_SELECTION = 80  # code points: a word, a separable verb, an idiom; not a paragraph
SHOWN = 3  # senses shown before "more": the popover must fit a phone
# Senses matched against a cached translation before the popover keeps its usual dozen: the
# meaning a translation uses may be ranked lower than that ("to be subjected to sth.", 20th).
TRANSLATION_POOL = 40


@bp.app_template_filter("word_in_sentence")
def word_in_sentence(word):
    """Render a saved word's sentence with the word in bold (every part escaped)."""
    return Markup(anki.sentence_html(word))


# A dictionary gloss without Ding's notation for English forms ("to call up <> sb.").
bp.add_app_template_filter(senses.readable, "readable")


@bp.app_template_filter("with_article")
def with_article(word):
    """Render a saved word with its grammar: "der Soldat, die Soldaten"."""
    return vocab.with_article(word)


# --- request parsing -----------------------------------------------------------

def _int_arg(source, name, what):
    raw = source.get(name) or ""
    return whole_number(raw, f"{what} must be a whole number (got {raw[:20]!r}).")


def _selection(source):
    """Return (article_id, block, start, end) in code points from a form or query string."""
    article_id = _int_arg(source, "article", "The article")
    n = _int_arg(source, "n", "The paragraph number")
    start = _int_arg(source, "start", "The start offset")
    end = _int_arg(source, "end", "The end offset")
    db = get_db()
    load_article(article_id)
    block = articles.get_block(db, article_id, n)
    if block is None:
        abort(400, f"This article has no paragraph {n}.")
    text = block["text"]
    try:
        cp_start, cp_end = anchoring.utf16_to_cp(text, start), anchoring.utf16_to_cp(text, end)
    except anchoring.OffsetError:
        cp_start = cp_end = None
    if cp_start is None or cp_start > cp_end:
        abort(400, f"The selection {start}–{end} is not inside paragraph {n}.")
    if cp_start == cp_end:  # a click: widen to the word around it
        cp_start, cp_end = _word_at(text, cp_start)
    if cp_end - cp_start > MAX_SELECTION:
        abort(400, f"Select at most {MAX_SELECTION} characters to look up (a word or a short phrase).")
    if not text[cp_start:cp_end].strip() or cp_start == cp_end:
        abort(400, "There is no word at that place.")
    return article_id, block, cp_start, cp_end


def _word_at(text, i):
    for m in WORD.finditer(text):
        if m.start() <= i <= m.end():
            return m.start(), m.end()
    return i, i


# --- lookup --------------------------------------------------------------------

def _sentence_of(german, english, start, end):
    """Return the English sentence matching german[start:end] when the paragraph's align."""
    if not english:
        return None
    de, en = sentences.sentence_spans(german), sentences.sentence_spans(english)
    if len(de) != len(en) or (start, end) not in de:
        return None
    a, b = en[de.index((start, end))]
    return english[a:b]


def _ask_translator(db, word):
    """Return (gloss, error message) from the configured translator (cached there)."""
    try:
        return translate.translate(db, word, settings().translator), None
    except translate.TranslationError as e:
        return None, e.message


def lookup_view(db, article_id, block, start, end, ask=False, saved_message=None, refused=None):
    """Build everything the popover shows for text[start:end] of a block.

    refused: a save the server refused ({"message", "typed": {"lemma", "gloss"}}), shown in the
    form with what was typed.
    """
    text = block["text"]
    result = context.in_context(db, text, start, end, limit=TRANSLATION_POOL)
    if result is None:
        abort(400, "There is no word at that place.")
    cached = translate.cached_translations(db, [result["sentence"], text], settings().translator)
    translation = cached.get(result["sentence"]) or _sentence_of(
        text, cached.get(text), result["sentence_start"], result["sentence_end"])
    context_translation = translation or cached.get(text)
    installed = dictionary.is_installed(db)
    best, aligned = align.meaning_in(db, result, text, translation, context_translation, installed)
    split = result["split"]
    # The noun's plural may be on a line ranked below the dozen shown ("Gipfel: summit").
    found = context.grammar(result, result["entries"])
    entries = result["entries"] = result["entries"][:dictionary.MAX_RESULTS]
    running = dictionary.running_import(db)
    # While the first import runs, the dictionary is coming: ask the translator only on request.
    ask = ask or not (installed or running)
    machine = machine_error = None
    if not entries and not split and ask:
        machine, machine_error = _ask_translator(db, result["surface"])
    # A loanword needs the dictionary to have said no: while none is installed, "Gift" is no "gift".
    loanword = context.loanword(result) if installed else None
    if split:
        gloss = best or unlisted.split_meaning(split, result["surface"])
    else:
        # An agent noun Ding lacks ("Einrahmerin") shows its verb's senses and means English's agent
        # noun, unless the translation has its own words for it: a verb's sense found there is the verb's.
        agent = result["agent"] and (not best or any(best in e["glosses"] for e in entries)) and result["agent"]["english"]
        # A capitalised word mid-sentence may be a name ("Trump"): its English look-alike is no meaning.
        gloss = agent or best or (senses.best_gloss(entries[0]) if entries
                         else machine or (loanword if not result["name"] else None) or "")
    gloss = senses.readable(gloss)
    learning = popover.context(db, result, text, settings().espeak)
    saved = vocab.find_looked_up(db, [found["lemma"], result["separable"] or result["lemma"]],
                                 place=(article_id, block["n"], start), key=learning["key"])
    # A saved word shows (and an Update keeps) its own lemma and grammar, as the learner may have
    # corrected them on the vocabulary page; the dictionary's are for a word not saved yet.
    grammar = {"lemma": saved["lemma"], **{k: saved[k] or "" for k in ("gender", "plural", "form")}} if saved else found
    top = [e for e in entries if e["in_context"]] or entries[:SHOWN]
    top = top[:SHOWN]
    return {
        **result, "article_id": article_id, "n": block["n"],
        "u16_start": anchoring.cp_to_utf16(text, result["start"]),
        "u16_end": anchoring.cp_to_utf16(text, result["end"]),
        "translation": translation, "context_translation": context_translation,
        "translation_is_paragraph": bool(context_translation and not translation),
        "best": best, "installed": installed, "loanword": loanword,
        # The translation around the words it renders the word by, to mark them where it is shown.
        # The sentence as written: the meaning may have lost its opening capital ("long-established residents").
        "aligned": (translation[:aligned[0]], translation[slice(*aligned)], translation[aligned[1]:]) if aligned else None,
        "machine": machine, "machine_error": machine_error,
        "asked": ask, "save_lemma": grammar["lemma"], "grammar": grammar, "found_lemma": found["lemma"],
        "plural_note": context.plural_note(grammar["lemma"], grammar["plural"]),
        "shown": top, "more": [e for e in entries if e not in top],
        "gloss": saved["gloss"] if saved else gloss, "saved": saved, "saved_message": saved_message,
        "refused": refused,
        "import": running, "first_import": running and not installed,
        "learning": learning,
    }


@bp.get("/words/lookup")
def lookup():
    db = get_db()
    article_id, block, start, end = _selection(request.args)
    view = lookup_view(db, article_id, block, start, end, ask=request.args.get("ask") == "1")
    return render_template("words/_lookup.html", w=view)


@bp.get("/dictionary/status")
def dictionary_status():
    return _dict_status(retrying=False)


def _dict_status(retrying):
    """Render the dictionary status fragment; retrying: a retry was just asked for (it polls)."""
    db = get_db()
    return render_template("words/_dict_status.html", running=dictionary.running_import(db),
                           last=dictionary.last_import(db), sources=dictionary.sources(db), retrying=retrying)


@bp.post("/dictionary/retry")
def dictionary_retry():
    s = settings()
    last = dictionary.last_import(get_db())
    if last is None or last["state"] != "failed":
        abort(409, "There is no failed dictionary import to try again.")
    sources = importer.installed_sources(s.ding_path, s.freedict_path)
    if not sources:
        abort(409, "No dictionary package is installed any more: install trans-de-en or "
                   "dict-freedict-deu-eng, then try again.")
    importer.retry(s.database, sources)
    if not htmx:
        return redirect(url_for("words_views.vocabulary"), code=303)
    return _dict_status(retrying=True)


# --- vocabulary ----------------------------------------------------------------------

@bp.post("/vocabulary")
def save():
    db = get_db()
    article_id, block, start, end = _selection(request.form)
    view = lookup_view(db, article_id, block, start, end)
    lemma = request.form.get("lemma", view["save_lemma"])
    # The dictionary's lemma of a word saved under another ("Verbündeter", renamed "Verbündete";
    # a popover opened before the rename) is that word: saved again, it would be there twice.
    if view["saved"] and " ".join(lemma.split()) == view["found_lemma"]:
        lemma = view["saved"]["lemma"]
    # The grammar found belongs to the word looked up; a lemma typed over it has none yet.
    same = " ".join(lemma.split()) == view["save_lemma"]
    grammar = {k: view["grammar"][k] if same else "" for k in ("gender", "plural", "form")}
    try:
        # Its status is the one the popover shows and the text is painted by, unless another word
        # was typed. Before the lemmatiser has loaded no key is stored: review.adopt_keys gives it one.
        key = view["learning"]["key"] if view["learning"]["lemmatised"] else ""
        if key and not same:
            key = word_status.key_for(vocab.check_lemma(lemma), key, block["text"][start:end])
        saved = review.save_word(
            db, lemma=lemma, surface=block["text"][start:end], gloss=request.form.get("gloss", ""),
            sentence=view["sentence"], translation=view["translation"] or "",
            article_id=article_id, block_n=block["n"], start=start, end=end,
            sentence_start=view["sentence_start"], status_key=key, **grammar)
    except vocab.VocabError as e:
        # The popover again, the reason beside the form and what was typed kept (htmx swaps 4xx here).
        typed = {"lemma": lemma, "gloss": request.form.get("gloss", "")}
        view = {**view, "refused": {"message": str(e), "typed": typed}}
        if htmx:
            return render_template("words/_lookup.html", w=view), 400
        return render_template("words/save_refused.html", w=view), 400
    if not htmx:
        return redirect(url_for("words_views.vocabulary"), code=303)
    view = lookup_view(db, article_id, block, start, end, saved_message=f"Saved “{saved['lemma']}”.")
    resp = Response(render_template("words/_lookup.html", w=view))
    blocks = vocab.blocks_with(db, article_id, saved["lemma"])
    resp.headers["HX-Trigger"] = json.dumps({"randnotiz:words-changed": {"lemma": saved["lemma"], "blocks": blocks}})
    return resp


@bp.get("/vocabulary")
def vocabulary():
    db = get_db()
    q = request.args.get("q", "")
    if len(q) > 200:
        abort(400, "The search is too long (at most 200 characters).")
    if htmx and htmx.target == "vocab-list":
        return render_template("words/_vocab_list.html", words=vocab.search(db, q), q=q, total=vocab.count(db))
    return _vocabulary_page(db, q)


def _vocabulary_page(db, q="", refused=None):
    """Render the vocabulary page; refused: an edit refused in a row ({"id", "message", "typed"})."""
    words = vocab.search(db, q)
    if refused and not any(w["id"] == refused["id"] for w in words):
        words.insert(0, vocab.search_one(db, refused["id"]))  # beyond the first page: shown on top
    return render_template("words/vocabulary.html", words=words, q=q, total=vocab.count(db), refused=refused,
                           running=dictionary.running_import(db), sources=dictionary.sources(db))


def _word_or_404(db, word_id):
    word = vocab.get(db, word_id)
    if word is None:
        abort(404, f"There is no saved word {word_id}. It may have been deleted.")
    return word


EDITABLE = ("lemma", "gloss", "gender", "plural", "form")


@bp.post("/vocabulary/<int:word_id>")
def edit(word_id):
    db = get_db()
    word = _word_or_404(db, word_id)
    changes = {k: request.form[k] for k in EDITABLE if k in request.form}
    if not changes:
        abort(400, "Send the new word or meaning as the form fields “lemma” and “gloss”.")
    try:
        if not review.edit_word(db, word_id, **changes):  # a renamed word keeps its card and status
            abort(404, f"There is no saved word {word_id}. It may have been deleted.")
    except vocab.VocabError as e:
        # The row again, as stored, with what was typed and why it was refused (htmx swaps 4xx here).
        refused = {"id": word_id, "message": str(e), "typed": {k: word[k] or "" for k in EDITABLE} | changes}
        if htmx:
            return render_template("words/_vocab_row.html", word=vocab.search_one(db, word_id), refused=refused), 400
        return _vocabulary_page(db, refused=refused), 400
    if htmx:
        return render_template("words/_vocab_row.html", word=vocab.search_one(db, word_id), saved=True)
    return redirect(url_for("words_views.vocabulary"), code=303)


@bp.post("/vocabulary/<int:word_id>/delete")
def delete(word_id):
    db = get_db()
    _word_or_404(db, word_id)
    vocab.delete(db, word_id)
    if htmx:
        return ""
    return redirect(url_for("words_views.vocabulary"), code=303)


@bp.get("/vocabulary/export.<fmt>")
def export(fmt):
    db = get_db()
    words = word_status.with_status(db, vocab.all_words(db))
    if fmt == "apkg":
        return Response(anki.apkg(words), mimetype="application/octet-stream",
                        headers={"Content-Disposition": 'attachment; filename="randnotiz-vocabulary.apkg"'})
    if fmt == "tsv":
        return Response(anki.tsv(words), mimetype="text/tab-separated-values; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="randnotiz-vocabulary.txt"'})
    if fmt == "csv":
        return Response("\ufeff" + anki.csv_text(words), mimetype="text/csv; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="randnotiz-vocabulary.csv"'})
    abort(404, f"There is no “{fmt}” export; choose apkg, tsv or csv.")
