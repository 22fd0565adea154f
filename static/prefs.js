// Display preferences (theme, text size, column width, translation options), remembered per
// browser. Loaded synchronously in <head>: it sets <html data-*> before the first paint, so a
// dark reader never sees a cream flash. Controls marked data-pref="name" read and write them.
// It also starts the script bundle once the text is on screen (below).
(function () {
  "use strict";
  const PREFIX = "randnotiz.pref.";
  // name -> the values allowed; the first is the default (no attribute: the stylesheet's own).
  const CHOICES = {
    theme: ["system", "light", "dark", "sepia"],
    size: ["m", "s", "l", "xl"],
    width: ["normal", "narrow", "wide"],
  };
  const root = document.documentElement;

  // localStorage, or nothing remembered when the browser refuses storage.
  function read(key) {
    try { return localStorage.getItem(key); } catch (e) { return null; }
  }
  function write(key, value) {
    try { localStorage.setItem(key, value); } catch (e) { /* private mode: not remembered */ }
  }

  function get(name) {
    const value = read(PREFIX + name);
    const allowed = CHOICES[name];
    if (!allowed) return value;
    return allowed.includes(value) ? value : allowed[0];
  }

  function apply(name, value) {
    if (!CHOICES[name]) return;
    if (value === CHOICES[name][0]) root.removeAttribute("data-" + name);
    else root.setAttribute("data-" + name, value);
  }

  function set(name, value) {
    write(PREFIX + name, value);
    apply(name, value);
    document.dispatchEvent(new CustomEvent("randnotiz:pref", { detail: { name, value } }));
  }

  Object.keys(CHOICES).forEach((name) => apply(name, get(name)));

  // Controls: a select or radio group sets its value; a checkbox stores "1" or "0".
  function bind(control) {
    const name = control.dataset.pref;
    const value = get(name);
    if (control.type === "checkbox") control.checked = value === "1";
    else if (control.type === "radio") control.checked = control.value === value;
    else if (value !== null) control.value = value;
    control.addEventListener("change", () => {
      if (control.type === "checkbox") set(name, control.checked ? "1" : "0");
      else if (control.type !== "radio" || control.checked) set(name, control.value);
    });
  }
  document.addEventListener("DOMContentLoaded", () => document.querySelectorAll("[data-pref]").forEach(bind));

  // Is the reader typing into a field? Then single-letter keys are text, not commands.
  // Here because this is the one script every page loads first; every other script uses it.
  function typing(el) {
    return Boolean(el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)));
  }

  window.Randnotiz = Object.assign(window.Randnotiz || {}, {
    pref: get, setPref: set, store: { read, write }, typing,
  });

  // Text first: the script bundle (named by <meta id="app-bundle">) is fetched and run once the
  // page has loaded and a frame has been painted since (the second animation frame after "load").
  // As a deferred script it ran before the first paint and held the text back; even preloaded,
  // fetching and compiling its 86 KiB beside the first frame delayed it by tens of ms. htmx needs
  // a complete document (after DOMContentLoaded but before "load" it would wait for that event).
  window.addEventListener("load", () => requestAnimationFrame(() => requestAnimationFrame(() => {
    const named = document.getElementById("app-bundle");
    if (!named) return;
    const script = document.createElement("script");
    script.src = named.content;
    document.head.append(script);
  })));
})();
