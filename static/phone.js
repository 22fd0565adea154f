// Phones: what pops up (the selection toolbar, the word's bottom sheet) never hides the words
// it is about. The page scrolls the selection or the looked-up word clear of the sheet, and
// the toolbar into view; the floating Notes button steps aside in CSS (themes.css, :has()).
(function () {
  "use strict";
  const popover = document.getElementById("word-popover");
  const toolbar = document.getElementById("hl-toolbar");
  const MARGIN = 12;

  // The looked-up word, as words.js marks it (a CSS custom highlight).
  function lookedUpRect() {
    const h = window.CSS && CSS.highlights && CSS.highlights.get("word-lookup");
    const range = h && [...h][0];
    return range ? range.getBoundingClientRect() : null;
  }

  function clearOfSheet() {
    if (!popover || popover.hidden || getComputedStyle(popover).position !== "fixed") return;
    const word = lookedUpRect();
    if (!word) return;
    const sheetTop = popover.getBoundingClientRect().top;
    if (word.bottom + MARGIN > sheetTop) window.scrollBy(0, word.bottom + MARGIN - sheetTop);
    else if (word.top < MARGIN) window.scrollBy(0, word.top - MARGIN);
  }

  function toolbarInView() {
    if (!toolbar || toolbar.hidden) return;
    const r = toolbar.getBoundingClientRect();
    if (r.bottom + MARGIN > window.innerHeight) window.scrollBy(0, r.bottom + MARGIN - window.innerHeight);
  }

  // Both are filled and shown by other scripts: react to what they do to the page.
  if (popover) {
    new MutationObserver(() => requestAnimationFrame(clearOfSheet))
      .observe(popover, { attributes: true, attributeFilter: ["hidden", "class"], childList: true, subtree: true });
  }
  if (toolbar) {
    new MutationObserver(() => requestAnimationFrame(toolbarInView))
      .observe(toolbar, { attributes: true, attributeFilter: ["hidden", "style"] });
  }
})();
