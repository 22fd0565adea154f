// Learning: status switch and popover keys on the reading page, review keys, listening.
(function () {
  "use strict";
  const typing = (window.Randnotiz && window.Randnotiz.typing) || (() => false);

  // --- word status on the reading page ------------------------------------------------
  // Painted with the CSS Custom Highlight API: the text keeps its markup (highlights' <mark>s
  // stay whole), and a known word costs nothing at all.
  const reader = document.getElementById("reader");
  const toggle = document.getElementById("status-toggle");
  const learningBar = document.getElementById("article-learning");
  const CLASSES = ["ws-new", "ws-l1", "ws-l2", "ws-l3", "ws-l4", "ws-l5"];
  const canPaint = Boolean(window.CSS && CSS.highlights && window.Highlight);
  let classes = null; // {word lowercased: class} of the article's new and learning words
  // {paragraph n: {UTF-16 offset: class}}: words keyed otherwise where they stand (both halves of
  // a separable verb take the verb's status); "" is known, left unpainted.
  let places = {};

  // Each paragraph's ranges, so a paragraph htmx re-renders (a highlight, a note, a saved word)
  // is painted again on its own: its old ranges point at removed text nodes (they collapse onto
  // <main>), and repainting a long article for one paragraph would cost every other one.
  let painted = new Map(); // .ptext element -> [[class, Range], ...]

  function rangesOf(ptext, word) {
    // Text nodes with their start offsets; words may cross node borders (a highlight's edge).
    const nodes = [];
    const walker = document.createTreeWalker(ptext, NodeFilter.SHOW_TEXT);
    let node, total = 0;
    while ((node = walker.nextNode())) { nodes.push([node, total]); total += node.data.length; }
    const text = ptext.textContent;
    let i = 0;
    const at = (offset) => {
      while (i < nodes.length - 1 && nodes[i + 1][1] <= offset) i += 1;
      return [nodes[i][0], offset - nodes[i][1]];
    };
    const out = [];
    const n = /^p-(\d+)-text$/.exec(ptext.id);
    const here = (n && places[n[1]]) || {};
    let m;
    word.lastIndex = 0;
    while ((m = word.exec(text))) {
      const cls = m.index in here ? here[m.index] : classes[m[0].toLowerCase()];
      if (!cls) continue;
      const r = new Range();
      r.setStart(...at(m.index));
      r.setEnd(...at(m.index + m[0].length));
      out.push([cls, r]);
    }
    return out;
  }

  function reported(started) {
    let count = 0;
    painted.forEach((list) => { count += list.length; });
    reader.dataset.statusPainted = String(count);
    reader.dispatchEvent(new CustomEvent("status-painted", { detail: { count, ms: performance.now() - started } }));
  }

  // The whole article: on load, when the word classes change, and when the switch turns it on.
  function paint() {
    if (!canPaint || !reader) return;
    const started = performance.now();
    CLASSES.forEach((c) => CSS.highlights.delete(c));
    painted = new Map();
    if (!classes || (toggle && !toggle.checked)) return;
    const ranges = Object.fromEntries(CLASSES.map((c) => [c, []]));
    const word = new RegExp(reader.dataset.wordPattern, "gu");
    reader.querySelectorAll(".ptext").forEach((ptext) => {
      const list = rangesOf(ptext, word);
      painted.set(ptext, list);
      list.forEach(([cls, r]) => ranges[cls].push(r));
    });
    CLASSES.forEach((c) => {
      const h = new Highlight(...ranges[c]);
      h.priority = -1; // under the looked-up word's highlight
      CSS.highlights.set(c, h);
    });
    reported(started);
  }

  // Only the paragraphs in `sections`; ranges of paragraphs no longer in the page are dropped.
  function repaint(sections) {
    if (!canPaint || !reader || !classes || (toggle && !toggle.checked) || !CSS.highlights.has(CLASSES[0])) return;
    const started = performance.now();
    const forget = (ptext) => {
      (painted.get(ptext) || []).forEach(([cls, r]) => CSS.highlights.get(cls).delete(r));
      painted.delete(ptext);
    };
    painted.forEach((_, ptext) => { if (!ptext.isConnected) forget(ptext); });
    const word = new RegExp(reader.dataset.wordPattern, "gu");
    sections.forEach((section) => section.querySelectorAll(".ptext").forEach((ptext) => {
      forget(ptext);
      const list = rangesOf(ptext, word);
      painted.set(ptext, list);
      list.forEach(([cls, r]) => CSS.highlights.get(cls).add(r));
    }));
    reported(started);
  }

  function loadClasses() {
    if (!learningBar) return;
    fetch(learningBar.dataset.wordStatusUrl, { headers: { Accept: "application/json" } })
      .then((r) => (r.ok ? r.json() : null))
      .then((data) => {
        if (!data) return;
        classes = data.classes;
        places = data.places || {};
        paint();
        // Until the lemmatiser has loaded, words are matched as written: ask again shortly.
        if (!data.lemmatised) setTimeout(loadClasses, 5000);
      });
  }

  if (reader && toggle) {
    const apply = () => { reader.classList.toggle("hide-status", !toggle.checked); paint(); };
    toggle.checked = localStorage.getItem("randnotiz.status") !== "off";
    reader.classList.toggle("hide-status", !toggle.checked);
    toggle.addEventListener("change", () => {
      localStorage.setItem("randnotiz.status", toggle.checked ? "on" : "off");
      apply();
    });
    loadClasses();
    document.body.addEventListener("randnotiz:words-changed", loadClasses);
    // A paragraph htmx put in (out of band after a highlight or a note, or re-rendered after a
    // saved word) has new text nodes: paint it again. htmx:load fires once per piece of new
    // content as it settles, also for out-of-band swaps (afterSettle names only the request's
    // own target, which for a highlight is none).
    document.body.addEventListener("htmx:load", (e) => {
      const el = e.detail.elt;
      if (!el || !el.closest || !reader.contains(el)) return;
      const own = el.closest("section.block");
      repaint(own ? [own] : el.querySelectorAll("section.block"));
    });
  }

  const popover = document.getElementById("word-popover");
  const STATUS_KEYS = new Set(["1", "2", "3", "4", "5", "k", "i"]);
  // Capture phase: with the popover open, `k` means "known", not reader.js's "previous paragraph".
  document.addEventListener("keydown", (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
    if (popover && !popover.hidden && STATUS_KEYS.has(e.key)) {
      const btn = popover.querySelector('[data-status-key="' + e.key + '"]');
      // As with the review card: a key pressed before htmx settled the popover would post the
      // status form natively (a full page). Wire it now: a no-op once done.
      if (btn && window.htmx) window.htmx.process(popover);
      if (btn) { e.preventDefault(); e.stopPropagation(); btn.click(); }
      return;
    }
    const card = document.getElementById("review-card");
    // While a grade is on its way, keys wait for the next card (a quick "3 3" grades one card).
    if (!card || card.querySelector(".htmx-request")) return;
    // htmx wires a swapped-in card only as it settles; a key pressed before that would submit
    // the form natively (a full page, without the card's note). Wire it now: a no-op once done.
    if (window.htmx) window.htmx.process(card);
    const answer = card.querySelector("#review-answer");
    if ((e.key === " " || e.key === "Enter") && answer && !answer.open && e.target.tagName !== "BUTTON") {
      e.preventDefault(); answer.open = true; answer.querySelector("summary").focus();
    } else if (/^[1-4]$/.test(e.key) && answer && answer.open) {
      e.preventDefault(); card.querySelector('[data-grade="' + e.key + '"]').click();
    } else if (e.key === "u") {
      const undo = card.querySelector("#undo-grade");
      if (undo) { e.preventDefault(); undo.click(); }
    }
  }, true);

  // Keep the keyboard in the popover after its status part is swapped.
  document.body.addEventListener("htmx:afterSwap", (e) => {
    if (popover && !popover.hidden && e.detail.target && e.detail.target.id === "word-status") {
      popover.focus({ preventScroll: true });
    }
    refreshSpeakButtons();
  });

  // --- listening -------------------------------------------------------------------
  const synth = window.speechSynthesis;
  function germanVoice() {
    if (!synth) return null;
    const voices = synth.getVoices();
    return voices.find((v) => v.lang === "de-DE") || voices.find((v) => /^de([-_]|$)/i.test(v.lang)) || null;
  }

  function refreshSpeakButtons() {
    const voice = germanVoice();
    document.querySelectorAll("button.speak").forEach((btn) => {
      if (voice && btn.disabled && btn.dataset.reason) {
        btn.disabled = false;
        btn.title = "";
        const why = btn.nextElementSibling;
        if (why && why.classList.contains("speak-why")) why.hidden = true;
      }
    });
  }
  if (synth) synth.addEventListener("voiceschanged", refreshSpeakButtons);
  refreshSpeakButtons();

  let playing = null;
  function highlight(selector, on) {
    if (!selector) return;
    document.querySelectorAll(selector).forEach((el) => el.classList.toggle("speaking", on));
  }
  function stop() {
    if (!playing) return;
    if (playing.audio) playing.audio.pause();
    if (synth) synth.cancel();
    highlight(playing.selector, false);
    playing = null;
  }

  document.addEventListener("click", (e) => {
    const btn = e.target.closest && e.target.closest("button.speak");
    if (!btn || btn.disabled) return;
    stop();
    const text = btn.dataset.speak;
    const selector = btn.dataset.highlight;
    const voice = germanVoice();
    const done = () => { highlight(selector, false); btn.dispatchEvent(new CustomEvent("speech-ended", { bubbles: true })); };
    highlight(selector, true);
    if (voice) {
      const u = new SpeechSynthesisUtterance(text);
      u.voice = voice; u.lang = voice.lang;
      u.addEventListener("end", done);
      u.addEventListener("error", done);
      playing = { selector };
      synth.speak(u);
      btn.dataset.engine = "browser";
    } else if (btn.dataset.speechUrl) {
      const audio = new Audio(btn.dataset.speechUrl + "?" + new URLSearchParams({ text }));
      playing = { selector, audio };
      btn.dataset.engine = "server";
      audio.addEventListener("ended", done);
      audio.addEventListener("error", done);
      audio.addEventListener("playing", () => btn.dispatchEvent(new CustomEvent("speech-started", { bubbles: true })));
      audio.play().catch(done);
    }
  });
})();
