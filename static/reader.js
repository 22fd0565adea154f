// Reader core: keyboard navigation, progress, remembered reading position, htmx error display.
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

  const reader = document.getElementById("reader");
  if (!reader) return;

  const paragraphs = () => Array.from(reader.querySelectorAll("section.block-paragraph:not(.chrome section)"));
  const progressN = document.getElementById("progress-n");
  let current = null;
  let saveTimer = null;

  function setCurrent(section, { save = true } = {}) {
    if (!section || section === current) return;
    if (current) current.classList.remove("current");
    current = section;
    current.classList.add("current");
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
    else if (e.key === "t" && current) {
      const btn = current.querySelector("[data-action=translate]");
      if (btn) { e.preventDefault(); btn.click(); }
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

  // Show the server's error message in the target instead of silently dropping 4xx/5xx.
  document.body.addEventListener("htmx:beforeSwap", (e) => {
    if (e.detail.xhr.status >= 400) {
      e.detail.shouldSwap = true;
      e.detail.isError = false;
    }
  });
  document.body.addEventListener("htmx:sendError", (e) => {
    const target = e.detail.target;
    if (target) target.innerHTML = '<p class="error-message" role="alert">The Randnotiz server could not be reached. Is it still running?</p>';
  });

  window.Randnotiz = Object.assign(window.Randnotiz || {}, { setCurrent, move });
})();
