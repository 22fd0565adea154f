// Words: click, tap or keyboard-select a German word to look it up; save it to the vocabulary.
// Offsets sent to the server are UTF-16 code units into the paragraph's textContent (= block text).
(function () {
  "use strict";
  const reader = document.getElementById("reader");
  const popover = document.getElementById("word-popover");
  if (!reader || !popover) return;
  const body = document.getElementById("word-popover-body");
  const { typing, unitsBefore } = window.Randnotiz;
  // The server's word pattern (annotations/common.py), handed over by the page: one definition.
  const WORD_SOURCE = reader.dataset.wordPattern;
  const LETTER = new RegExp(WORD_SOURCE.replace(/\+$/, ""), "u");
  let returnFocus = null;
  let openRange = null;

  // --- offsets <-> DOM positions inside a paragraph (.ptext with flat segments) ---------
  function positionAt(ptext, offset) {
    const walker = document.createTreeWalker(ptext, NodeFilter.SHOW_TEXT);
    let node, seen = 0, last = null;
    while ((node = walker.nextNode())) {
      const len = node.data.length;
      if (offset <= seen + len) return { node, offset: offset - seen };
      seen += len;
      last = node;
    }
    return last ? { node: last, offset: last.data.length } : { node: ptext, offset: 0 };
  }

  function rangeOf(ptext, start, end) {
    const a = positionAt(ptext, start), b = positionAt(ptext, end);
    const range = document.createRange();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    return range;
  }

  function caretAt(x, y) {
    if (document.caretPositionFromPoint) {
      const p = document.caretPositionFromPoint(x, y);
      return p && { node: p.offsetNode, offset: p.offset };
    }
    if (document.caretRangeFromPoint) {
      const r = document.caretRangeFromPoint(x, y);
      return r && { node: r.startContainer, offset: r.startOffset };
    }
    return null;
  }

  // Widen [i, i] to the word around it over the paragraph's whole text, not the clicked node.
  function wordAround(text, i) {
    if (!LETTER.test(text[i] || "") && LETTER.test(text[i - 1] || "")) i -= 1;
    if (!LETTER.test(text[i] || "")) return null;
    let a = i, b = i;
    while (a > 0 && LETTER.test(text[a - 1])) a -= 1;
    while (b < text.length && LETTER.test(text[b])) b += 1;
    return [a, b];
  }

  function ptextOf(node) {
    const el = node && (node.nodeType === 1 ? node : node.parentElement);
    return el && el.closest(".ptext");
  }

  // --- the popover ------------------------------------------------------------------
  const MARGIN = 8;
  const phone = () => window.matchMedia("(max-width: 700px)").matches;

  // Keep the popover inside the viewport: below the word, or above it when there is more
  // room there, never taller than that room (it scrolls inside itself instead).
  function place(range) {
    const rect = range.getBoundingClientRect();
    popover.hidden = false;
    popover.classList.add("open");
    if (phone()) {
      popover.style.left = popover.style.top = popover.style.maxHeight = "";
      keepAboveSheet(rect);
      return; // a bottom sheet on phones (words.css)
    }
    const below = window.innerHeight - rect.bottom - 2 * MARGIN;
    const above = rect.top - 2 * MARGIN;
    popover.style.maxHeight = "none";
    const natural = popover.scrollHeight + 2;
    const downward = natural <= below || below >= above;
    // The room, not the current height: content swapped in later grows up to it, then scrolls.
    popover.style.maxHeight = Math.max(120, downward ? below : above) + "px";
    const width = popover.offsetWidth, height = popover.offsetHeight;
    const left = Math.min(Math.max(MARGIN, rect.left), window.innerWidth - width - MARGIN);
    let top = downward ? rect.bottom + MARGIN : rect.top - height - MARGIN;
    top = Math.min(Math.max(MARGIN, top), window.innerHeight - height - MARGIN);
    popover.style.left = (left + window.scrollX) + "px";
    popover.style.top = (top + window.scrollY) + "px";
  }

  // On a phone the sheet covers the lower half: scroll the tapped word above it, with room
  // at the end of the page so even the last word can get there.
  function keepAboveSheet(rect) {
    const sheetTop = window.innerHeight - popover.offsetHeight;
    document.body.style.paddingBottom = popover.offsetHeight + "px";
    const overlap = rect.bottom + 2 * MARGIN - sheetTop;
    if (overlap > 0) window.scrollBy({ top: overlap, behavior: "instant" });
  }

  function markLookedUp(range) {
    if (window.CSS && CSS.highlights && window.Highlight) {
      CSS.highlights.set("word-lookup", new Highlight(range));
    }
  }

  let current = null; // {ptext, start, end} of the open lookup
  let lastSection = null;

  function open(ptext, start, end) {
    const section = ptext.closest("section.block");
    if (!section || start >= end) return false;
    const text = ptext.textContent;
    if (!LETTER.test(text.slice(start, end))) return false;
    if (popover.hidden || !popover.contains(document.activeElement)) returnFocus = document.activeElement;
    current = { ptext, start, end };
    lastSection = section;
    openRange = rangeOf(ptext, start, end);
    markLookedUp(openRange);
    const params = new URLSearchParams({
      article: reader.dataset.articleId, n: section.dataset.n, start: String(start), end: String(end),
    });
    body.innerHTML = '<p class="word-loading" role="status">Looking up “' +
      escapeHtml(text.slice(start, end)) + "”…</p>";
    place(openRange);
    // settle:0ms: the entry's forms are wired before focus moves into the popover (see highlights.js).
    htmx.ajax("GET", popover.dataset.lookupUrl + "?" + params, { target: body, swap: "innerHTML settle:0ms" })
      .then(() => { place(openRange); popover.focus({ preventScroll: true }); });
    return true;
  }

  function close() {
    if (popover.hidden) return;
    popover.hidden = true;
    popover.classList.remove("open");
    document.body.style.paddingBottom = "";
    if (window.CSS && CSS.highlights) CSS.highlights.delete("word-lookup");
    openRange = null;
    current = null;
    // Back where the reader was; if that is gone (the highlight toolbar's button, hidden by now;
    // a paragraph re-rendered after a save), to the word's paragraph.
    const back = returnFocus && document.contains(returnFocus) && returnFocus.getClientRects().length
      ? returnFocus : lastSection && document.getElementById(lastSection.id);
    if (back) back.focus({ preventScroll: true });
    returnFocus = null;
  }

  function escapeHtml(s) {
    return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  }

  // Numbers need no dictionary, but a click on one must not fall flat: the popover says
  // what it is in English notation (German "2,4" is 2.4, "1.000" is 1,000).
  const DIGIT = /[0-9]/;
  function numberAround(text, i) {
    if (!DIGIT.test(text[i] || "") && DIGIT.test(text[i - 1] || "")) i -= 1;
    if (!DIGIT.test(text[i] || "")) return null;
    let a = i, b = i;
    const part = (c) => c && (DIGIT.test(c) || c === "," || c === "." || c === ":");
    while (a > 0 && part(text[a - 1])) a -= 1;
    while (b < text.length && part(text[b])) b += 1;
    while (b > a && !DIGIT.test(text[b - 1])) b -= 1;
    while (a < b && !DIGIT.test(text[a])) a += 1;
    return [a, b];
  }

  function english(number) {
    return number.replace(/[.,]/g, (c) => (c === "," ? "." : ","));
  }

  // "7.30 Uhr" is a time and "24.12." a date, not a number with a thousands point.
  const TIME = /^([01]?\d|2[0-4])[.:]([0-5]\d)$/;
  // "Uhr" after it, also after a range ("9.30–12.00 Uhr"); or, for a colon, a word of time before it
  // ("um 19:45"): without either, "14:12" is a score.
  const UHR_AFTER = /^\s*(?:[–-]\s*\d{1,2}[.:]\d{2}\s*)?Uhr\b/;
  const TIME_BEFORE = /\b(?:um|ab|bis|gegen|seit|von)\s*$/i;
  const DATE = /^(0?[1-9]|[12]\d|3[01])\.(0?[1-9]|1[0-2])\.(\d{2}|\d{4})?$/;
  function numberNote(number, before, after) {
    const time = TIME.exec(number);
    if (time && (UHR_AFTER.test(after) || (number.includes(":") && TIME_BEFORE.test(before)))) {
      return 'A time: <b lang="en">' + escapeHtml(time[1] + ":" + time[2]) + "</b>. German writes hours and minutes " +
        "with a point or a colon, on the 24-hour clock; <i lang=\"de\">Uhr</i> is o'clock.";
    }
    const date = DATE.exec(number + (after[0] === "." && !number.endsWith(".") ? "." : ""));
    if (date) {
      const month = new Date(2000, Number(date[2]) - 1, 1).toLocaleString("en-GB", { month: "long" });
      return 'A date: <b lang="en">' + escapeHtml(Number(date[1]) + " " + month + (date[3] ? " " + date[3] : "")) +
        "</b>. German writes the day, then the month, each followed by a point.";
    }
    const same = english(number) === number;
    return "A number" + (same ? "." : ' — in English notation <b lang="en">' + escapeHtml(english(number)) + "</b>.") +
      " German writes a decimal comma and groups thousands with a point.";
  }

  function openNumber(ptext, start, end) {
    if (popover.hidden || !popover.contains(document.activeElement)) returnFocus = document.activeElement;
    const number = ptext.textContent.slice(start, end);
    current = { ptext, start, end };
    lastSection = ptext.closest("section.block");
    openRange = rangeOf(ptext, start, end);
    markLookedUp(openRange);
    body.innerHTML = '<div class="word-lookup word-number"><h2 id="word-popover-title" class="word-title" lang="de">' +
      escapeHtml(number) + '</h2><p class="word-note">' + numberNote(number, ptext.textContent.slice(0, start), ptext.textContent.slice(end)) + "</p></div>";
    place(openRange);
    popover.focus({ preventScroll: true });
    return true;
  }

  // --- public entry points (the highlights helper calls these) ------------------------
  function lookupAt(x, y) {
    const caret = caretAt(x, y);
    const ptext = caret && ptextOf(caret.node);
    if (!ptext) return false;
    const at = unitsBefore(ptext, caret.node, caret.offset);
    const word = wordAround(ptext.textContent, at);
    if (word) return open(ptext, word[0], word[1]);
    const number = numberAround(ptext.textContent, at);
    return number ? openNumber(ptext, number[0], number[1]) : false;
  }

  // Keyboard: with no selection, `l` looks up the first word of the current paragraph;
  // in the popover, ArrowRight/ArrowLeft move to the next/previous word.
  function lookupFirstWord() {
    const section = reader.querySelector("section.block.current") || reader.querySelector("section.block-paragraph");
    const ptext = section && section.querySelector(".ptext");
    if (!ptext) return false;
    const m = ptext.textContent.match(new RegExp(WORD_SOURCE, "u"));
    return m ? selectAndOpen(ptext, m.index, m.index + m[0].length) : false;
  }

  function step(delta) {
    if (!current) return false;
    const text = current.ptext.textContent;
    const re = new RegExp(WORD_SOURCE, "gu");
    const words = [];
    let m;
    while ((m = re.exec(text))) words.push([m.index, m.index + m[0].length]);
    const i = words.findIndex((w) => w[1] > current.start);
    const next = words[(i < 0 ? words.length : i) + delta];
    return next ? selectAndOpen(current.ptext, next[0], next[1]) : false;
  }

  // Leave a caret at the word, so Escape then Shift+arrows (highlights.js) select from here;
  // a collapsed caret, not a selection, so the highlight toolbar stays out of the way.
  function selectAndOpen(ptext, start, end) {
    const sel = window.getSelection();
    const caret = rangeOf(ptext, start, start);
    sel.removeAllRanges();
    sel.addRange(caret);
    return open(ptext, start, end);
  }

  function lookupSelection() {
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed || !sel.rangeCount) return false;
    const range = sel.getRangeAt(0);
    const ptext = ptextOf(range.startContainer);
    if (!ptext || ptextOf(range.endContainer) !== ptext) return false;
    let start = unitsBefore(ptext, range.startContainer, range.startOffset);
    let end = unitsBefore(ptext, range.endContainer, range.endOffset);
    const text = ptext.textContent;
    // Trim spaces and punctuation, then widen half-selected words to whole ones.
    while (start < end && !LETTER.test(text[start])) start += 1;
    while (end > start && !LETTER.test(text[end - 1])) end -= 1;
    if (start >= end) return false;
    start = wordAround(text, start)[0];
    end = wordAround(text, end - 1)[1];
    return open(ptext, start, end);
  }

  // --- events -------------------------------------------------------------------------
  reader.addEventListener("click", (e) => {
    if (e.button !== 0 || e.defaultPrevented) return;
    if (e.target.closest("mark, a, button, input, textarea, select, .translation")) return; // marks: highlights' menu
    if (!e.target.closest(".ptext")) return;
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed) return; // the end of a drag-selection, not a click on a word
    if (!lookupAt(e.clientX, e.clientY)) close();
  });

  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && !popover.hidden) { e.preventDefault(); close(); return; }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target;
    if (typing(t) || (t && t.tagName === "BUTTON")) return;
    if (!popover.hidden && popover.contains(t) && (e.key === "ArrowRight" || e.key === "ArrowLeft")) {
      if (step(e.key === "ArrowRight" ? 1 : -1)) e.preventDefault();
      return;
    }
    if (e.key === "l" || e.key === "Enter") {
      if (lookupSelection() || (e.key === "l" && lookupFirstWord())) e.preventDefault();
    }
  });

  document.addEventListener("pointerdown", (e) => {
    if (popover.hidden || popover.contains(e.target)) return;
    if (!e.target.closest(".ptext") || e.target.closest("mark")) close();
  });
  // "more meanings" opened or closed: the popover's height changed, so fit it again.
  popover.addEventListener("toggle", () => { if (openRange) place(openRange); }, true);
  popover.addEventListener("click", (e) => {
    if (e.target.closest("[data-action=close-word]")) { close(); return; }
    const gloss = e.target.closest(".word-gloss");
    const input = body.querySelector("input[name=gloss]");
    if (gloss && input) { input.value = gloss.dataset.gloss; input.focus(); }
  });

  // After a save the server names the paragraphs where the word is now marked: refresh them.
  document.body.addEventListener("randnotiz:words-changed", (e) => {
    const blocks = (e.detail && e.detail.blocks) || [];
    const base = location.pathname.replace(/\/$/, "");
    blocks.forEach((n) => {
      const section = document.getElementById("p-" + n);
      if (!section) return;
      const wasCurrent = section.classList.contains("current");
      htmx.ajax("GET", base + "/p/" + n, { target: section, swap: "outerHTML" }).then(() => {
        const fresh = document.getElementById("p-" + n);
        if (wasCurrent && fresh && window.Randnotiz && window.Randnotiz.setCurrent) {
          window.Randnotiz.setCurrent(fresh, { save: false });
        }
        if (openRange && fresh) {
          // The looked-up word's text nodes were replaced: re-anchor the highlight.
          const info = body.querySelector(".word-lookup");
          if (info && info.dataset.n === String(n)) {
            openRange = rangeOf(fresh.querySelector(".ptext"), Number(info.dataset.start), Number(info.dataset.end));
            markLookedUp(openRange);
          }
        }
      });
    });
  });

  window.Randnotiz = Object.assign(window.Randnotiz || {}, { lookupAt, lookupSelection, closeWord: close });
})();
