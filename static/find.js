// Find in the text being read: case, umlauts and ß folded as the library search folds them
// ("strasse" finds "Straße"). Matches are painted with CSS Custom Highlights, never by
// changing the paragraphs' markup (highlights and words count offsets over it).
(() => {
  const form = document.getElementById("find");
  const reader = document.getElementById("reader");
  if (!form || !reader) return;
  const input = document.getElementById("find-input");
  const count = document.getElementById("find-count");
  const painted = typeof CSS !== "undefined" && CSS.highlights && typeof Highlight === "function";
  let matches = [];
  let current = -1;

  const foldChar = (c) => c.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/ß/g, "ss");

  // A paragraph's text folded, with the DOM position of every folded character.
  function indexOf(ptext) {
    let folded = "";
    const at = [];
    const walker = document.createTreeWalker(ptext, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.data;
      for (let i = 0; i < text.length;) {
        const cp = text.codePointAt(i);
        const width = cp > 0xffff ? 2 : 1;
        for (const f of foldChar(String.fromCodePoint(cp))) {
          folded += f;
          at.push({ node, start: i, end: i + width });
        }
        i += width;
      }
    }
    return { folded, at };
  }

  function search(query) {
    const needle = Array.from(query).map(foldChar).join("");
    const found = [];
    if (!needle.trim()) return found;
    for (const ptext of reader.querySelectorAll("section.block .ptext")) {
      if (ptext.closest("details.chrome")) continue;
      const { folded, at } = indexOf(ptext);
      for (let i = folded.indexOf(needle); i >= 0; i = folded.indexOf(needle, i + needle.length)) {
        const a = at[i], b = at[i + needle.length - 1];
        const range = document.createRange();
        range.setStart(a.node, a.start);
        range.setEnd(b.node, b.end);
        found.push(range);
      }
    }
    return found;
  }

  function paint() {
    if (painted) {
      CSS.highlights.set("find", new Highlight(...matches));
      if (current >= 0) CSS.highlights.set("find-current", new Highlight(matches[current]));
      else CSS.highlights.delete("find-current");
    }
    if (!input.value.trim()) count.textContent = "";
    else if (!matches.length) count.textContent = "No match";
    else count.textContent = `${current + 1} of ${matches.length}`;
    form.dataset.matches = String(matches.length);
    form.dataset.current = String(current + 1);
  }

  function show(i) {
    if (!matches.length) return;
    current = (i + matches.length) % matches.length;
    paint();
    const section = matches[current].startContainer.parentElement.closest("section.block");
    if (section) section.scrollIntoView({ block: "center" });
  }

  function update() {
    matches = search(input.value);
    current = matches.length ? 0 : -1;
    if (matches.length) show(0); else paint();
  }

  input.addEventListener("input", update);
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter") { e.preventDefault(); show(current + (e.shiftKey ? -1 : 1)); }
    else if (e.key === "Escape") { input.value = ""; update(); input.blur(); }
  });
  form.addEventListener("submit", (e) => e.preventDefault());
  document.getElementById("find-next").addEventListener("click", () => show(current + 1));
  document.getElementById("find-prev").addEventListener("click", () => show(current - 1));
  document.addEventListener("keydown", (e) => {
    const typing = window.Randnotiz && window.Randnotiz.typing ? window.Randnotiz.typing(e.target) : false;
    if (e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) { e.preventDefault(); input.focus(); }
  });
  // Paragraphs re-rendered by htmx (a translation, a new highlight) hold new text nodes.
  document.body.addEventListener("htmx:afterSettle", () => { if (input.value.trim()) { matches = search(input.value); current = Math.min(current, matches.length - 1); paint(); } });
})();
