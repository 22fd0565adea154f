// Translations: the toolbar's Translate fetches a paragraph's English or shows/hides the one
// already in the page, and German and English sentences light up together.
(function () {
  "use strict";
  const reader = document.getElementById("reader");
  const tools = document.getElementById("paragraph-tools");
  if (!reader || !tools) return;
  const button = tools.querySelector("[data-action=translate]");
  const busyText = tools.querySelector(".tr-busy");

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
  const busy = new Set();
  const englishOf = (section) => document.getElementById(section.id + "-en");

  // The toolbar's Translate button describes the paragraph it sits in.
  function label(section) {
    if (!section || tools.parentElement !== section) return;
    const english = englishOf(section);
    button.disabled = busy.has(section.id);
    busyText.textContent = busy.has(section.id) ? "Translating…" : "";
    if (english) {
      button.setAttribute("data-toggle-translation", "");
      button.setAttribute("aria-controls", english.id);
      button.setAttribute("aria-expanded", String(!english.hidden));
      button.textContent = english.hidden ? "Show translation" : "Hide translation";
    } else {
      button.removeAttribute("data-toggle-translation");
      button.removeAttribute("aria-controls");
      button.removeAttribute("aria-expanded");
      button.textContent = "Translate";
    }
  }

  function slotOf(section) {
    let slot = document.getElementById(section.id + "-tr");
    if (!slot) {
      slot = document.createElement("div");
      slot.className = "translation";
      slot.id = section.id + "-tr";
      section.querySelector(".ptext").after(slot);
    }
    return slot;
  }

  // A translation already in the page is shown or hidden without a request; otherwise ask for it.
  function translate(section) {
    const english = englishOf(section);
    if (english) {
      english.hidden = !english.hidden;
      setOpen(section.dataset.n, !english.hidden);
      updateFocusable(section);
      label(section);
      return;
    }
    if (busy.has(section.id)) return;
    const slot = slotOf(section);
    busy.add(section.id);
    label(section);
    const url = tools.dataset.translateUrl.replace("__n__", section.dataset.n);
    htmx.ajax("POST", url, { source: slot, target: slot, swap: "innerHTML" }).finally(() => {
      busy.delete(section.id);
      label(document.getElementById(section.id));
    });
  }

  reader.addEventListener("click", (e) => {
    const control = e.target.closest("[data-action=translate]");
    const section = control && control.closest("section.block");
    if (section) translate(section);
  });
  reader.addEventListener("paragraph-tools", (e) => label(e.detail.section));

  // Translate all answers with slots out of band: a paragraph without one yet gets an empty one first.
  document.body.addEventListener("htmx:beforeSwap", (e) => {
    const text = e.detail.serverResponse || "";
    for (const m of text.matchAll(/id="(p-\d+)-tr" hx-swap-oob/g)) {
      const section = document.getElementById(m[1]);
      if (section) slotOf(section);
    }
  });

  function sync(section) {
    const english = englishOf(section);
    if (english && !english.hidden && !open.has(section.dataset.n)) setOpen(section.dataset.n, true);
    else if (english && open.has(section.dataset.n)) english.hidden = false;
    updateFocusable(section);
    label(section);
  }
  // Reopen what the reader had open (only those paragraphs: a long text has thousands).
  open.forEach((n) => {
    const section = document.getElementById(`p-${n}`);
    if (section) sync(section);
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
  // Only what changes is touched, and never a highlight's mark: its Tab stop is focus.js's, and
  // taking a focused element's tabindex away, even for a moment, drops focus to <body>.
  function updateFocusable(section) {
    if (!section) return;
    const stops = new Set();
    if (section.querySelector(".translation-text.aligned:not([hidden])")) {
      for (const root of section.querySelectorAll(".ptext, .translation-text.aligned")) {
        const seen = new Set();
        root.querySelectorAll("[data-s]").forEach((el) => {
          const i = sentenceIndex(el);
          if (!seen.has(i)) { seen.add(i); stops.add(el); }
        });
      }
    }
    section.querySelectorAll(".ptext [data-s], .translation-text [data-s]").forEach((el) => {
      if (stops.has(el)) { if (el.tabIndex !== 0) el.tabIndex = 0; }
      else if (el.hasAttribute("tabindex") && !el.matches("mark.hl[data-hl]")) el.removeAttribute("tabindex");
    });
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
  // reader.js placed the toolbar before this file ran: describe that paragraph now.
  if (tools.parentElement.matches("section.block")) label(tools.parentElement);
  window.Randnotiz = Object.assign(window.Randnotiz || {}, { translate });

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
