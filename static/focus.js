// Focus that never gets lost: when an action replaces or hides the focused element (a paragraph
// re-rendered after a highlight, the note dialog closing, the popover's form swapped), focus goes
// back to where the reader was. Also: highlights reachable by Tab with a menu on Enter, the side
// panel's shortcut and skip link, and one polite live region for short announcements.
(function () {
  "use strict";
  const announcer = document.getElementById("announcer");

  // --- short, polite announcements ------------------------------------------------------
  let announceFrame = 0;
  function announce(message) {
    if (!announcer) return;
    announcer.textContent = "";
    cancelAnimationFrame(announceFrame);
    // Cleared first and filled a frame later, so the same words twice are read twice.
    announceFrame = requestAnimationFrame(() => { announcer.textContent = message; });
  }
  window.Randnotiz = Object.assign(window.Randnotiz || {}, { announce });

  const reader = document.getElementById("reader");
  if (!reader) return;
  const panel = document.getElementById("annotation-panel");
  const toggle = document.getElementById("hl-panel-toggle");
  // Pop-ups that come and go; focus inside them is never "where the reader was".
  const TRANSIENT = "#hl-toolbar, #hl-menu, dialog, #word-popover";

  const visible = (el) => Boolean(el && el.isConnected && el.getClientRects().length && !el.closest("[hidden]"));

  // How to find an element again after its HTML was replaced: its id, its highlight, its action.
  function describe(el) {
    const ancestors = [];
    for (let a = el.parentElement; a; a = a.parentElement) if (a.id) ancestors.push(a.id);
    return {
      el,
      id: el.id || null,
      hl: el.matches("mark[data-hl]") ? el.dataset.hl.split(" ")[0] : null,
      action: el.dataset.action || el.dataset.hlAction || null,
      ancestors,
      transient: Boolean(el.closest(TRANSIENT)),
    };
  }

  function findAgain(spot) {
    if (!spot) return null;
    if (visible(spot.el)) return spot.el;
    if (spot.id && visible(document.getElementById(spot.id))) return document.getElementById(spot.id);
    for (const id of spot.ancestors) {
      const box = document.getElementById(id);
      if (!visible(box) || box === document.body) continue;
      if (spot.hl) {
        // A paragraph swapped in a moment ago gets its Tab stops when htmx settles it (20 ms
        // later): give them now, or focus() on the mark would silently do nothing.
        markStops(box.closest("section.block") || box);
        const marks = [...box.querySelectorAll(`mark[data-hl~="${CSS.escape(spot.hl)}"]`)];
        const mark = marks.find((m) => m.tabIndex === 0);
        if (mark) return mark;
      }
      if (spot.action) {
        const same = box.querySelector(`[data-action="${CSS.escape(spot.action)}"], [data-hl-action="${CSS.escape(spot.action)}"]`);
        if (visible(same)) return same;
      }
      if (box.hasAttribute("tabindex")) return box;
    }
    return null;
  }

  let last = null;   // the element focused most recently
  let spot = null;   // the most recent focus in the text or the panel: where the reader was
  document.addEventListener("focusin", (e) => {
    const el = e.target;
    if (!(el instanceof Element) || el === document.body) return;
    last = describe(el);
    if (!last.transient && (reader.contains(el) || (panel && panel.contains(el)))) spot = last;
  });

  function rescue() {
    const active = document.activeElement;
    if (active && active !== document.body && active !== document.documentElement) return;
    if (document.querySelector("dialog[open]")) return;
    if (!last || visible(last.el)) return; // the reader clicked elsewhere: that is their choice
    const popover = document.getElementById("word-popover");
    let target = null;
    if (last.transient && popover && visible(popover) && last.ancestors.includes("word-popover")) {
      target = findAgain(last) || popover;
    } else if (last.transient) {
      target = findAgain(spot);
    } else {
      target = findAgain(last) || findAgain(spot);
    }
    if (!target) target = reader.querySelector("section.block.current") || reader;
    target.focus({ preventScroll: true });
  }
  // After the current task (the swap, the dialog's close) has finished. Not a frame: a tab in
  // the background gets no frames, and focus would stay lost until the reader came back.
  const soon = () => setTimeout(rescue, 0);
  document.addEventListener("htmx:afterSettle", soon);
  document.addEventListener("close", soon, true); // <dialog> close does not bubble
  document.addEventListener("keyup", (e) => { if (e.key === "Escape" || e.key === "Enter") soon(); });
  document.addEventListener("focusout", (e) => { if (!e.relatedTarget) soon(); });

  // --- highlights: one Tab stop per highlight, Enter or Space opens its menu ------------
  function markStops(root) {
    const sections = root.matches && root.matches("section.block") ? [root] : root.querySelectorAll("section.block");
    for (const section of sections) {
      const seen = new Set();
      for (const mark of section.querySelectorAll("mark.hl[data-hl]")) {
        const ids = mark.dataset.hl.split(" ");
        const fresh = ids.some((id) => !seen.has(id));
        ids.forEach((id) => seen.add(id));
        if (fresh) mark.tabIndex = 0;
        else mark.removeAttribute("tabindex");
      }
    }
  }
  markStops(reader);
  document.addEventListener("htmx:load", (e) => { if (e.detail.elt instanceof Element) markStops(e.detail.elt); });

  document.addEventListener("keydown", (e) => {
    const mark = e.target.closest && e.target.closest("mark.hl[data-hl]");
    if (!mark || (e.key !== "Enter" && e.key !== " ") || e.ctrlKey || e.metaKey || e.altKey) return;
    e.preventDefault();
    e.stopPropagation();
    const rect = mark.getClientRects()[0] || mark.getBoundingClientRect();
    // The mark menu opens on a click at a point (it also offers "look up the word there").
    mark.dispatchEvent(new MouseEvent("click", {
      bubbles: true, cancelable: true, clientX: rect.left + rect.width / 2, clientY: rect.top + rect.height / 2,
    }));
  }, true);

  // --- the side panel: skip link and `n` ----------------------------------------------
  function gotoPanel() {
    if (!panel) return;
    if (toggle && visible(toggle) && !panel.classList.contains("open")) toggle.click();
    panel.focus({ preventScroll: false });
  }
  document.querySelectorAll("[data-action=goto-panel]").forEach((link) => link.addEventListener("click", (e) => {
    e.preventDefault();
    gotoPanel();
  }));
  document.addEventListener("keydown", (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || window.Randnotiz.typing(e.target)) return;
    if (e.key === "n" && !document.querySelector("dialog[open]")) { e.preventDefault(); gotoPanel(); }
    // Escape in the phone drawer closes it and returns to the text.
    if (e.key === "Escape" && panel && panel.contains(e.target) && panel.classList.contains("open")) {
      panel.querySelector("[data-hl-action=close-panel]")?.click();
      const back = findAgain(spot) || reader.querySelector("section.block.current");
      if (back) back.focus({ preventScroll: true });
    }
  });

  // "Go to" in the panel: focus follows the scroll, so Tab continues from the highlight.
  if (panel) panel.addEventListener("click", (e) => {
    const go = e.target.closest("[data-hl-goto]");
    if (!go) return;
    const marks = [...reader.querySelectorAll(`mark[data-hl~="${CSS.escape(go.dataset.hlGoto)}"]`)];
    const target = marks.find((m) => m.tabIndex === 0) || marks[0];
    if (target) target.focus({ preventScroll: true });
  });
})();
