// Reader core: keyboard navigation, progress, remembered reading position, the paragraph
// toolbar (one for the page, moved into the current paragraph); htmx error display on every page.
(function () {
  "use strict";

  const { typing } = window.Randnotiz; // prefs.js, loaded first on every page

  // UTF-16 units from the start of a paragraph's text to (node, offset): what the server expects.
  function unitsBefore(ptext, node, offset) {
    const range = document.createRange();
    range.setStart(ptext, 0);
    range.setEnd(node, offset);
    return range.toString().length;
  }

  window.Randnotiz = Object.assign(window.Randnotiz || {}, { unitsBefore });

  // On every page, not only the reader's: show the server's error in the target instead of
  // silently dropping 4xx/5xx. A form that can be refused answers with itself and the reason
  // (a vocabulary row, the library's form), so what was typed stays. A refusal that is not the
  // refused element itself ("too large" for a form that swaps itself out, or a server's
  // plain-text page) must not replace what was typed: its message goes beside the target.
  function swapStyle(elt) {
    const carrier = elt && elt.closest && elt.closest("[hx-swap]");
    return ((carrier && carrier.getAttribute("hx-swap")) || htmx.config.defaultSwapStyle).split(/\s+/)[0];
  }
  function refusal(xhr) {
    if ((xhr.getResponseHeader("Content-Type") || "").startsWith("text/html")) {
      const doc = new DOMParser().parseFromString(xhr.responseText, "text/html");
      const said = doc.querySelector(".error-message");
      if (said && said.textContent.trim()) return said.textContent.trim();
    }
    return xhr.status === 413 ? "That is too large to send. Nothing was saved."
      : "The server refused this (" + xhr.status + "). Nothing was saved.";
  }
  document.body.addEventListener("htmx:beforeSwap", (e) => {
    const xhr = e.detail.xhr;
    if (xhr.status < 400) return;
    const target = e.detail.target;
    const html = (xhr.getResponseHeader("Content-Type") || "").startsWith("text/html");
    const replaces = swapStyle(e.detail.elt) === "outerHTML";
    if (html && !(replaces && target && target.id && !xhr.responseText.includes('id="' + target.id + '"'))) {
      e.detail.shouldSwap = true;
      e.detail.isError = false;
      return;
    }
    e.detail.shouldSwap = false;
    if (!target || !target.parentNode) return;
    let note = target.nextElementSibling;
    if (!note || !note.classList.contains("htmx-refused")) {
      note = document.createElement("p");
      note.className = "error-message htmx-refused";
      note.setAttribute("role", "alert");
      target.after(note);
    }
    note.textContent = refusal(xhr);
  });
  document.body.addEventListener("htmx:sendError", (e) => {
    const target = e.detail.target;
    if (target) target.innerHTML = '<p class="error-message" role="alert">The Randnotiz server could not be reached. Is it still running?</p>';
  });

  const reader = document.getElementById("reader");
  if (!reader) return;

  const paragraphs = () => Array.from(reader.querySelectorAll("section.block-paragraph:not(.chrome section)"));
  const progressN = document.getElementById("progress-n");
  const tools = document.getElementById("paragraph-tools");
  let current = null;
  let saveTimer = null;
  let toolsHome = null; // id of the paragraph the toolbar belongs to while htmx replaces it

  // The toolbar goes at the end of the paragraph it acts on: Tab from a paragraph reaches it,
  // and a screen reader finds it right after the text, labelled with the paragraph's number.
  function placeTools(section) {
    if (!tools || !section) return;
    if (tools.parentElement !== section) section.append(tools);
    toolsHome = section.id;
    tools.hidden = false;
    const label = section.dataset.ordinal || section.dataset.n;
    const paragraph = section.classList.contains("block-paragraph");
    const anchor = tools.querySelector("[data-action=link]");
    anchor.href = "#" + section.id;
    anchor.hidden = !paragraph;
    // "¶ 3" names the link as it reads; the title says what it does.
    anchor.setAttribute("aria-label", `¶ ${label}`);
    anchor.title = `Link to paragraph ${label}`;
    const note = tools.querySelector("[data-action=paragraph-note]");
    note.hidden = !paragraph;
    note.setAttribute("aria-label", `Note on paragraph ${label}`);
    section.dispatchEvent(new CustomEvent("paragraph-tools", { bubbles: true, detail: { section } }));
  }

  function setCurrent(section, { save = true } = {}) {
    if (!section || section === current) return;
    if (current) current.classList.remove("current");
    current = section;
    current.classList.add("current");
    if (!tools || !tools.contains(document.activeElement)) placeTools(section);
    const ordinal = section.dataset.ordinal;
    if (ordinal && progressN) progressN.textContent = ordinal;
    if (save) savePosition(section.dataset.n);
  }

  // Debounced so scrolling through ten paragraphs costs one request, not ten.
  function savePosition(n) {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      const body = new URLSearchParams({ n });
      fetch(reader.dataset.positionUrl, { method: "POST", body, keepalive: true })
        .then(() => reader.dispatchEvent(new CustomEvent("position-saved", { detail: { n } })));
    }, 300);
  }
  window.addEventListener("pagehide", () => {
    if (saveTimer && current) {
      clearTimeout(saveTimer);
      navigator.sendBeacon(reader.dataset.positionUrl, new URLSearchParams({ n: current.dataset.n }));
    }
  });

  function move(delta) {
    const list = paragraphs();
    if (!list.length) return;
    let i = current ? list.indexOf(current) : -1;
    i = Math.max(0, Math.min(list.length - 1, i + delta));
    const target = list[i];
    followScroll = false; // the scroll below is ours: keep the paragraph the reader chose
    setCurrent(target);
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "center", behavior: "auto" });
  }

  document.addEventListener("keydown", (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
    if (e.key === "j") { e.preventDefault(); move(1); }
    else if (e.key === "k") { e.preventDefault(); move(-1); }
    else if (e.key === "t" && current && window.Randnotiz.translate) {
      e.preventDefault();
      window.Randnotiz.translate(current);
    }
    // The pointer may have taken the toolbar elsewhere; keys act on the current paragraph.
    if (current && tools && tools.parentElement !== current && !tools.contains(e.target)) placeTools(current);
  });

  // With a mouse the toolbar follows the pointer, as hover-revealed buttons did.
  reader.addEventListener("pointerover", (e) => {
    if (e.pointerType !== "mouse" || !tools || tools.contains(document.activeElement)) return;
    const section = e.target.closest && e.target.closest("section.block");
    if (section && tools.parentElement !== section) placeTools(section);
  });

  // htmx replaces whole paragraphs (a new highlight, a saved word): keep the toolbar and the
  // current paragraph across that.
  function park(e) {
    const target = e.detail.target;
    if (tools && target && target.contains(tools)) {
      const home = toolsHome;
      tools.hidden = true;
      reader.append(tools);
      toolsHome = home;
    }
  }
  document.body.addEventListener("htmx:beforeSwap", park);
  document.body.addEventListener("htmx:oobBeforeSwap", park);
  document.body.addEventListener("htmx:load", (e) => {
    const el = e.detail.elt;
    if (!el || !el.closest || el === document.body) return;
    const own = el.closest("section.block");
    for (const section of own ? [own] : el.querySelectorAll("section.block")) {
      if (current && !current.isConnected && section.id === current.id) {
        current = null;
        setCurrent(section, { save: false });
      }
      if (section.id === toolsHome && tools && tools.parentElement !== section) placeTools(section);
    }
  });

  // A re-rendered paragraph (after a highlight, a note, a saved word) is a new element, and
  // htmx's settle step puts back the server's class list: it stays the current one, so its bar
  // stays and `t`/`l` act on it, not on paragraph 1.
  document.addEventListener("htmx:afterSettle", () => {
    if (!current) return;
    const fresh = document.getElementById(current.id);
    if (fresh && (fresh !== current || !fresh.classList.contains("current"))) {
      current = null;
      setCurrent(fresh, { save: false });
    }
  });

  reader.addEventListener("focusin", (e) => {
    const section = e.target.closest && e.target.closest("section.block-paragraph");
    if (section) setCurrent(section);
  });

  // The paragraph nearest the top of the viewport is where the reader is.
  const observer = new IntersectionObserver((entries) => {
    const visible = entries.filter((en) => en.isIntersecting)
      .sort((a, b) => a.boundingClientRect.top - b.boundingClientRect.top);
    if (visible.length && followScroll) setCurrent(visible[0].target);
  }, { rootMargin: "0px 0px -60% 0px" });
  // Only the reader's own scrolling (wheel, touch, scroll keys) moves the position;
  // scrolls made by j/k or by restoring the position must not override it.
  let followScroll = false;
  const follow = () => { followScroll = true; };
  window.addEventListener("wheel", follow, { passive: true });
  window.addEventListener("touchmove", follow, { passive: true });
  document.addEventListener("keydown", (e) => {
    if (/^(PageDown|PageUp|ArrowDown|ArrowUp|Home|End| )$/.test(e.key) && !typing(e.target)) follow();
  });

  function restore() {
    const start = window.location.hash
      ? document.querySelector(window.location.hash.replace(/-text$/, ""))
      : document.getElementById("p-" + reader.dataset.position);
    const list = paragraphs();
    let section = start && start.classList.contains("block") ? start : list[0];
    if (section && !section.classList.contains("block-paragraph")) {
      section = list.find((p) => Number(p.dataset.n) >= Number(section.dataset.n)) || list[0];
    }
    if (section) {
      setCurrent(section, { save: false });
      if (!window.location.hash && Number(reader.dataset.position) > 1) section.scrollIntoView({ block: "start" });
    }
    list.forEach((p) => observer.observe(p));
  }
  restore();

  window.Randnotiz = Object.assign(window.Randnotiz || {}, { setCurrent, move, placeTools });
})();
