// Translations: show/hide a cached translation without a request, and link German and English sentences.
(function () {
  "use strict";
  const reader = document.getElementById("reader");
  if (!reader) return;

  // Paragraphs whose translation the reader has open, remembered per article in this browser:
  // open stays open through a re-rendered paragraph (a new highlight swaps the section) and
  // through a reload.
  const { store } = window.Randnotiz;
  const KEY = `randnotiz.shown.${reader.dataset.articleId}`;
  const open = new Set((() => {
    try { return JSON.parse(store.read(KEY) || "[]").map(String); } catch (e) { return []; }
  })());
  const remember = () => store.write(KEY, JSON.stringify([...open]));
  const setOpen = (n, show) => { open[show ? "add" : "delete"](n); remember(); };

  function reveal(button, text, show) {
    text.hidden = !show;
    button.setAttribute("aria-expanded", String(show));
    button.textContent = show ? "Hide translation" : "Show translation";
  }

  // A cached translation is already in the page (hidden): the Translate button only reveals it.
  reader.addEventListener("click", (e) => {
    const button = e.target.closest("[data-toggle-translation]");
    if (!button) return;
    const text = document.getElementById(button.getAttribute("aria-controls"));
    if (!text) return;
    const section = button.closest("section.block");
    reveal(button, text, text.hidden);
    if (section) setOpen(section.dataset.n, !text.hidden);
    updateFocusable(section);
  });

  function sync(section) {
    const button = section.querySelector("[data-toggle-translation]");
    const text = button && document.getElementById(button.getAttribute("aria-controls"));
    if (text && !text.hidden && !open.has(section.dataset.n)) setOpen(section.dataset.n, true);
    else if (text && open.has(section.dataset.n)) reveal(button, text, true);
    updateFocusable(section);
  }
  reader.querySelectorAll("section.block").forEach((section) => {
    if (open.has(section.dataset.n)) sync(section);
  });

  function sentenceIndex(el) {
    return (el.dataset.s || "").split(" ")[0];
  }

  function partsOf(section, index) {
    const english = section.querySelector(".translation-text.aligned:not([hidden])");
    if (!english) return [];
    const sel = `[data-s~="${CSS.escape(index)}"]`;
    return [...section.querySelectorAll(`.ptext ${sel}`), ...english.querySelectorAll(sel)];
  }

  let lit = [];
  function light(el) {
    const section = el && el.closest("section.block");
    const index = el && sentenceIndex(el);
    const parts = section && index !== "" ? partsOf(section, index) : [];
    if (parts.length === lit.length && parts.every((p, i) => p === lit[i])) return;
    lit.forEach((p) => p.classList.remove("s-hot"));
    lit = parts;
    lit.forEach((p) => p.classList.add("s-hot"));
  }

  function sentenceAt(target) {
    return target.closest && target.closest(".ptext [data-s], .translation-text.aligned [data-s]");
  }
  reader.addEventListener("mouseover", (e) => light(sentenceAt(e.target)));
  reader.addEventListener("mouseleave", () => light(null));
  reader.addEventListener("focusin", (e) => light(sentenceAt(e.target)));
  reader.addEventListener("focusout", (e) => { if (!reader.contains(e.relatedTarget)) light(null); });

  // Sentences become keyboard-focusable only while their aligned translation is visible,
  // so Tab does not crawl through every sentence of the article otherwise.
  function updateFocusable(section) {
    if (!section) return;
    const visible = !!section.querySelector(".translation-text.aligned:not([hidden])");
    section.querySelectorAll(".ptext [data-s], .translation-text [data-s]").forEach((el) => el.removeAttribute("tabindex"));
    if (!visible) return;
    for (const root of section.querySelectorAll(".ptext, .translation-text.aligned")) {
      const seen = new Set();
      root.querySelectorAll("[data-s]").forEach((el) => {
        const i = sentenceIndex(el);
        if (!seen.has(i)) { seen.add(i); el.tabIndex = 0; }
      });
    }
  }

  // Every piece of content htmx puts in (a translation, a re-rendered paragraph, an
  // out-of-band slot from Translate all) passes through here once.
  document.body.addEventListener("htmx:load", (e) => {
    const el = e.detail.elt;
    if (!el || !el.closest || el === document.body) return;
    const own = el.closest("section.block");
    const sections = own ? [own] : [...el.querySelectorAll("section.block")];
    sections.forEach(sync);
    announceOutcome(el);
  });

  // Translate all's outcome is said once, politely, when its job ends (not on every poll).
  let toldJob = document.querySelector("#translate-all[data-job]")?.dataset.job;
  function announceOutcome(el) {
    const bar = el.id === "translate-all" ? el : null;
    const summary = bar && bar.dataset.job && bar.dataset.job !== toldJob && bar.querySelector(".tr-summary");
    if (!summary) return;
    toldJob = bar.dataset.job;
    window.Randnotiz.announce(summary.textContent.trim());
  }
})();
