// Highlights and notes: selection toolbar, mark menu, note dialog, side panel, undo toast.
// Offsets are UTF-16 code units counted over a paragraph's .ptext text nodes (its
// textContent is exactly the block text); the server converts them to code points.
(function () {
  "use strict";
  const reader = document.getElementById("reader");
  const toolbar = document.getElementById("hl-toolbar");
  if (!reader || !toolbar || !window.htmx) return;

  const fields = document.getElementById("hl-toolbar-fields");
  const hint = document.getElementById("hl-toolbar-hint");
  const menu = document.getElementById("hl-menu");
  const dialog = document.getElementById("hl-dialog");
  const dialogBody = document.getElementById("hl-dialog-body");
  const panel = document.getElementById("annotation-panel");
  const toggle = document.getElementById("hl-panel-toggle");
  const alertBox = document.getElementById("hl-alert");
  const toastSlot = document.getElementById("hl-toast-slot");
  const COLORS = ["yellow", "green", "blue", "red", "purple"];
  const UNDO_MS = 8000;
  const MY_PATHS = /\/highlights(\/|$|\?)|\/annotations\/panel|\/p\/\d+\/note/;

  const api = () => window.Randnotiz || {};
  const { typing, unitsBefore } = window.Randnotiz;

  // --- selection -> per-paragraph segments ------------------------------------------

  const isSpace = (ch) => /\s/.test(ch);
  const isLow = (code) => code >= 0xdc00 && code <= 0xdfff;

  // One segment per paragraph the range touches, trimmed of surrounding white space.
  function segmentsOf(range) {
    const out = [];
    for (const p of reader.querySelectorAll("section.block .ptext")) {
      if (p.closest(".block-boilerplate") || !range.intersectsNode(p)) continue;
      const part = document.createRange();
      part.selectNodeContents(p);
      if (part.compareBoundaryPoints(Range.START_TO_START, range) < 0) part.setStart(range.startContainer, range.startOffset);
      if (part.compareBoundaryPoints(Range.END_TO_END, range) > 0) part.setEnd(range.endContainer, range.endOffset);
      if (part.collapsed) continue;
      const text = p.textContent;
      let start = unitsBefore(p, part.startContainer, part.startOffset);
      let end = start + part.toString().length;
      while (start < end && isSpace(text[start])) start++;
      while (end > start && isSpace(text[end - 1])) end--;
      // Never cut an astral character (emoji) in half.
      if (start > 0 && isLow(text.charCodeAt(start))) start--;
      if (end < text.length && isLow(text.charCodeAt(end))) end++;
      if (end <= start) continue;
      out.push({ n: p.closest("section.block").dataset.n, start, end, exact: text.slice(start, end) });
    }
    return out;
  }

  // --- toolbar ----------------------------------------------------------------------

  let savedRange = null;
  let quietRange = null;
  let toolbarBusy = false;   // a tap on the toolbar may collapse the selection first
  let keyboardSelecting = false;
  let mouseDown = false;
  let frame = 0;

  function fillFields(segments) {
    fields.replaceChildren();
    for (const s of segments) {
      for (const [name, value] of [["block", s.n], ["start", s.start], ["end", s.end], ["exact", s.exact]]) {
        const input = document.createElement("input");
        input.type = "hidden";
        input.name = name;
        input.value = value;
        fields.append(input);
      }
    }
  }

  function showToolbar(segments, range) {
    if (!menu.hidden) hideMenu();
    fillFields(segments);
    savedRange = range.cloneRange();
    hint.textContent = segments.length > 1 ? `${segments.length} paragraphs: one highlight each` : "";
    toolbar.querySelector("[data-hl-action=lookup]").hidden = typeof api().lookupSelection !== "function";
    toolbar.hidden = false;
    const rects = range.getClientRects();
    const first = rects[0] || range.getBoundingClientRect();
    const last = rects[rects.length - 1] || first;
    const coarse = window.matchMedia("(pointer: coarse)").matches;
    const w = toolbar.offsetWidth, h = toolbar.offsetHeight;
    // Touch: below the selection, out of the way of the phone's own copy/paste bubble.
    let top = coarse ? last.bottom + 10 : first.top - h - 8;
    if (top < 4) top = last.bottom + 8;
    const anchorX = coarse ? last.left : first.left;
    const left = Math.max(4, Math.min(anchorX, document.documentElement.clientWidth - w - 4));
    toolbar.style.top = `${top + window.scrollY}px`;
    toolbar.style.left = `${left + window.scrollX}px`;
  }

  function hideToolbar() {
    toolbar.hidden = true;
    toolbarBusy = false;
    savedRange = null;
    fields.replaceChildren();
  }

  const sameRange = (a, b) => a && b && a.compareBoundaryPoints(Range.START_TO_START, b) === 0 &&
    a.compareBoundaryPoints(Range.END_TO_END, b) === 0;

  function update() {
    const sel = document.getSelection();
    if (!sel.rangeCount || sel.isCollapsed) {
      quietRange = null;
      if (!toolbarBusy) hideToolbar();
      return;
    }
    const range = sel.getRangeAt(0);
    if (sameRange(range, quietRange)) return; // handed to the word lookup: no toolbar over its popover
    if (!reader.contains(range.commonAncestorContainer) && !reader.contains(range.startContainer)) {
      if (!toolbarBusy) hideToolbar();
      return;
    }
    const segments = segmentsOf(range);
    if (segments.length) showToolbar(segments, range);
    else if (!toolbarBusy) hideToolbar();
  }

  const schedule = () => { cancelAnimationFrame(frame); frame = requestAnimationFrame(update); };

  document.addEventListener("pointerdown", (e) => {
    if (toolbar.contains(e.target)) { toolbarBusy = true; return; }
    toolbarBusy = false;
    keyboardSelecting = false;
    mouseDown = e.pointerType === "mouse";
    if (!menu.hidden && !menu.contains(e.target)) hideMenu();
  });
  document.addEventListener("pointerup", () => { if (mouseDown) { mouseDown = false; schedule(); } });
  // While the mouse drags, wait for the release; touch and keyboard settle through selectionchange.
  document.addEventListener("selectionchange", () => { if (!mouseDown) schedule(); });
  // Keep the selection when the toolbar is pressed with a mouse.
  toolbar.addEventListener("mousedown", (e) => e.preventDefault());

  toolbar.addEventListener("click", (e) => {
    if (!e.target.closest("[data-hl-action=lookup]")) return;
    const range = savedRange;
    hideToolbar();
    if (range) {
      quietRange = range;
      const sel = document.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
    }
    if (typeof api().lookupSelection === "function") api().lookupSelection();
  });

  // --- keyboard selection: Shift+arrows inside the current paragraph -----------------

  function currentSection() {
    const active = document.activeElement;
    const fromFocus = active && active.closest && active.closest("#reader section.block");
    return fromFocus || reader.querySelector("section.block.current");
  }

  document.addEventListener("keydown", (e) => {
    if (typing(e.target) || dialog.open) return;
    if (e.key === "Escape") {
      if (!menu.hidden) hideMenu();
      if (!toolbar.hidden) {
        const n = fields.querySelector("input[name=block]");
        const inToolbar = toolbar.contains(document.activeElement);
        hideToolbar();
        document.getSelection().removeAllRanges();
        if (inToolbar && n) document.getElementById(`p-${n.value}`)?.focus({ preventScroll: true });
      }
      return;
    }
    // A quick Tab can beat the frame that shows the toolbar for a fresh keyboard selection, or
    // the one that refreshes its fields after the selection grew: bring both up to date now.
    if (e.key === "Tab" && !e.shiftKey && keyboardSelecting && !toolbar.contains(document.activeElement)) {
      cancelAnimationFrame(frame);
      update();
    }
    if (e.key === "Tab" && !e.shiftKey && !toolbar.hidden && !toolbar.contains(document.activeElement)) {
      e.preventDefault();
      toolbarBusy = true;
      toolbar.querySelector("button").focus();
      return;
    }
    const keys = ["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End"];
    if (!e.shiftKey || e.altKey || e.metaKey || !keys.includes(e.key) || toolbar.contains(e.target)) return;
    const section = currentSection();
    const p = section && section.querySelector(".ptext");
    if (!p || section.classList.contains("block-boilerplate")) return;
    e.preventDefault();
    const sel = document.getSelection();
    const forward = ["ArrowRight", "ArrowDown", "End"].includes(e.key);
    // Browsers offer no caret in plain text; start at the paragraph's edge (or keep a
    // caret placed by a click) and extend the selection ourselves.
    if (!sel.rangeCount || !p.contains(sel.anchorNode)) {
      const start = document.createRange();
      start.selectNodeContents(p);
      start.collapse(forward);
      sel.removeAllRanges();
      sel.addRange(start);
    }
    const granularity = e.key === "Home" || e.key === "End" ? "lineboundary"
      : e.key === "ArrowUp" || e.key === "ArrowDown" ? "line" : e.ctrlKey ? "word" : "character";
    sel.modify("extend", forward ? "forward" : "backward", granularity);
    keyboardSelecting = true;
  });

  // --- after a write -------------------------------------------------------------------

  document.addEventListener("htmx:afterRequest", (e) => {
    const elt = e.detail.elt;
    // reader.js marks 4xx as swappable (isError false), so judge by the status itself.
    if (!e.detail.successful || e.detail.xhr.status >= 400) return;
    // Saved (or handed to the note dialog, which now holds the offsets): drop the selection.
    if (toolbar.contains(elt)) {
      const n = fields.querySelector("input[name=block]");
      const wasKeyboard = keyboardSelecting;
      document.getSelection().removeAllRanges();
      hideToolbar();
      if (wasKeyboard && n) document.getElementById(`p-${n.value}`)?.focus({ preventScroll: true });
    }
    if (dialog.contains(elt) && elt.matches("form")) closeDialog();
    if (menu.contains(elt) && elt.getAttribute("hx-post")) hideMenu();
  });

  // --- errors: show the server's message, never swap it over a paragraph ---------------

  function messageOf(xhr) {
    const doc = new DOMParser().parseFromString(xhr.responseText || "", "text/html");
    const el = doc.querySelector(".error-message") || doc.body;
    return (el && el.textContent.trim()) || `The server answered ${xhr.status}.`;
  }

  let alertTimer = 0;
  function showError(message, elt) {
    const slot = elt && dialog.contains(elt) && dialog.querySelector(".hl-form-error");
    if (slot) {
      slot.textContent = message;
      slot.hidden = false;
      return;
    }
    alertBox.textContent = message;
    alertBox.hidden = false;
    clearTimeout(alertTimer);
    alertTimer = setTimeout(() => { alertBox.hidden = true; }, UNDO_MS);
  }

  // Registered on document so it runs after reader.js's body-level hook and overrides it.
  document.addEventListener("htmx:beforeSwap", (e) => {
    const xhr = e.detail.xhr;
    if (xhr.status < 400 || !MY_PATHS.test(xhr.responseURL || "")) return;
    e.detail.shouldSwap = false;
    showError(messageOf(xhr), e.detail.elt);
  });

  // --- mark menu -------------------------------------------------------------------------

  let menuPoint = null;

  function hideMenu() {
    menu.hidden = true;
    menu.replaceChildren();
  }

  // A click on a mark opens this menu; a click on plain text belongs to the word popover.
  document.addEventListener("click", (e) => {
    const mark = e.target.closest && e.target.closest("mark.hl[data-hl]");
    if (!mark || !reader.contains(mark)) return;
    if (!document.getSelection().isCollapsed) return; // the end of a drag-selection
    e.preventDefault();
    e.stopPropagation();
    menuPoint = { x: e.clientX, y: e.clientY };
    const url = `/articles/${reader.dataset.articleId}/highlights/menu?ids=${encodeURIComponent(mark.dataset.hl)}`;
    // settle:0ms: htmx wires the new buttons' hx-post when the swap settles (20 ms later by
    // default); focus moves to them below, and an Enter before that did nothing.
    htmx.ajax("GET", url, { source: mark, target: menu, swap: "innerHTML settle:0ms" }).then(() => {
      if (!menu.firstElementChild) return;
      menu.querySelector("[data-hl-action=lookup-at]").hidden = typeof api().lookupAt !== "function";
      menu.hidden = false;
      const rect = mark.getBoundingClientRect();
      const w = menu.offsetWidth;
      const left = Math.max(4, Math.min(menuPoint.x - w / 2, document.documentElement.clientWidth - w - 4));
      menu.style.top = `${rect.bottom + window.scrollY + 6}px`;
      menu.style.left = `${left + window.scrollX}px`;
      menu.querySelector("button")?.focus({ preventScroll: true });
    });
  }, true);

  menu.addEventListener("click", (e) => {
    if (!e.target.closest("[data-hl-action=lookup-at]")) return;
    const point = menuPoint;
    hideMenu();
    if (point && typeof api().lookupAt === "function") api().lookupAt(point.x, point.y);
  });

  // --- note dialog -----------------------------------------------------------------------

  function closeDialog() {
    if (dialog.open) dialog.close();
    dialogBody.replaceChildren();
  }

  document.addEventListener("htmx:afterSwap", (e) => {
    if (e.detail.target !== dialogBody) return;
    hideMenu();
    // htmx wires the form's hx-post only when the swap settles: 20 ms from now, and much later on
    // a busy machine, where that timer waits behind the keys being typed. Focus goes in now, and a
    // Save pressed before then posted the form natively: a whole new page, and the reader's place
    // (focus back on the highlight) lost. Wire it now: a no-op for htmx when it settles.
    htmx.process(dialogBody);
    if (!dialog.open) dialog.showModal();
    dialog.querySelector("textarea")?.focus();
  });
  dialog.addEventListener("click", (e) => {
    if (e.target.closest("[data-hl-action=close-dialog]") || e.target === dialog) closeDialog();
  });
  // The paragraph toolbar's ✎ asks for the note form of the paragraph it sits in.
  reader.addEventListener("click", (e) => {
    const add = e.target.closest("[data-action=paragraph-note]");
    const section = add && add.closest("section.block");
    const tools = document.getElementById("paragraph-tools");
    if (!section || !tools) return;
    htmx.ajax("GET", tools.dataset.noteUrl.replace("__n__", section.dataset.n), { source: add, target: dialogBody });
  });
  dialog.addEventListener("close", () => dialogBody.replaceChildren());

  // --- undo toast: disappears by itself after a few seconds, but never under the pointer
  //     or while it has focus (the reader is about to press Undo) -----------------------------

  let toastTimer = 0;
  const held = () => toastSlot.matches(":hover") || toastSlot.contains(document.activeElement);
  function armToast() {
    const toast = document.getElementById("hl-toast");
    clearTimeout(toastTimer);
    if (!toast || toast.hidden) return;
    toastTimer = setTimeout(() => {
      if (held()) return; // leaving it (pointerleave, focusout) arms the timer again
      toast.hidden = true;
      toast.replaceChildren();
    }, UNDO_MS);
  }
  new MutationObserver(armToast).observe(toastSlot, { childList: true, subtree: true });
  toastSlot.addEventListener("pointerleave", armToast);
  toastSlot.addEventListener("focusout", armToast);

  // --- panel: jump to an annotation, filters, drawer ------------------------------------

  function flash(el) {
    el.classList.remove("hl-flash");
    void el.offsetWidth; // restart the animation
    el.classList.add("hl-flash");
    el.addEventListener("animationend", () => el.classList.remove("hl-flash"), { once: true });
  }

  function setPanel(open) {
    panel.classList.toggle("open", open);
    toggle.setAttribute("aria-expanded", String(open));
  }

  panel.addEventListener("click", (e) => {
    if (e.target.closest("[data-hl-action=close-panel]")) { setPanel(false); return; }
    const go = e.target.closest("[data-hl-goto]");
    if (!go) return;
    const item = go.closest(".hl-item");
    let targets = Array.from(reader.querySelectorAll(`mark[data-hl~="${CSS.escape(go.dataset.hlGoto)}"]`));
    if (!targets.length && item.dataset.block) {
      const section = document.getElementById(`p-${item.dataset.block}`);
      if (section) targets = [section.querySelector(`[data-hl-pnote="${CSS.escape(go.dataset.hlGoto)}"]`) || section];
    }
    if (!targets.length) return;
    if (window.matchMedia("(max-width: 700px)").matches) setPanel(false);
    targets[0].scrollIntoView({ block: "center" });
    const section = targets[0].closest("section.block");
    if (section && typeof api().setCurrent === "function") api().setCurrent(section);
    targets.forEach(flash);
  });
  toggle.addEventListener("click", () => setPanel(!panel.classList.contains("open")));

  // --- overlapping highlights: one band per colour, so every colour stays visible ----------

  function paint(root) {
    const marks = root.matches && root.matches("mark.hl") ? [root] : Array.from(root.querySelectorAll("mark.hl"));
    for (const m of marks) {
      const colors = COLORS.filter((c) => m.classList.contains(`hl-${c}`));
      if (colors.length < 2) continue;
      // The first colour fills the mark (a plain colour, so the text's contrast is known);
      // each further colour is a band along its foot.
      m.style.backgroundColor = `var(--hl-${colors[0]})`;
      m.style.boxShadow = colors.slice(1).map((c, i) => `inset 0 -${(i + 1) * 4}px 0 var(--hl-${c})`).join(", ");
      m.classList.add("hl-multi");
    }
  }
  paint(reader);
  document.addEventListener("htmx:load", (e) => paint(e.detail.elt || e.target));
})();
