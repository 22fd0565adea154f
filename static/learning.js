// Learning: status switch and popover keys on the reading page, review keys, listening.
(function () {
  "use strict";
  const typing = (window.Randnotiz && window.Randnotiz.typing) || (() => false);

  // --- word status on the reading page ------------------------------------------------
  const reader = document.getElementById("reader");
  const toggle = document.getElementById("status-toggle");
  if (reader && toggle) {
    const apply = () => reader.classList.toggle("hide-status", !toggle.checked);
    toggle.checked = localStorage.getItem("randnotiz.status") !== "off";
    apply();
    toggle.addEventListener("change", () => {
      localStorage.setItem("randnotiz.status", toggle.checked ? "on" : "off");
      apply();
    });
  }

  const popover = document.getElementById("word-popover");
  const STATUS_KEYS = new Set(["1", "2", "3", "4", "5", "k", "i"]);
  // Capture phase: with the popover open, `k` means "known", not reader.js's "previous paragraph".
  document.addEventListener("keydown", (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
    if (popover && !popover.hidden && STATUS_KEYS.has(e.key)) {
      const btn = popover.querySelector('[data-status-key="' + e.key + '"]');
      if (btn) { e.preventDefault(); e.stopPropagation(); btn.click(); }
      return;
    }
    const card = document.getElementById("review-card");
    // While a grade is on its way, keys wait for the next card (a quick "3 3" grades one card).
    if (!card || card.querySelector(".htmx-request")) return;
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
