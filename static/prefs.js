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
  // page has loaded and its first contentful paint has reached the screen. As a deferred script it
  // ran before the first paint and held the text back; started two animation frames after "load"
  // it still often ran beside that frame, whose presentation on a busy machine comes frames later,
  // and its fetch and compile delayed the text by ~35 ms. htmx needs a complete document, so never
  // before "load". A tab that paints nothing yet (opened in the background), or a browser without
  // paint timing (or refusing to observe it), starts it at "load"; a paint never reported, 1 s after.
  let painted = !(window.PerformanceObserver &&
    (PerformanceObserver.supportedEntryTypes || []).includes("paint"));
  let loaded = false;
  let started = false;
  function start() {
    const named = document.getElementById("app-bundle");
    if (started || !named) return;
    started = true;
    const script = document.createElement("script");
    script.src = named.content;
    document.head.append(script);
  }
  window.addEventListener("load", () => {
    loaded = true;
    if (painted || document.visibilityState === "hidden") start();
    else setTimeout(start, 1000);
  });
  if (!painted) {
    try {
      new PerformanceObserver((list, observer) => {
        if (!list.getEntriesByName("first-contentful-paint").length) return;
        observer.disconnect();
        painted = true;
        if (loaded) start();
      }).observe({ type: "paint", buffered: true });
    } catch (e) {
      painted = true; // an observer that refuses {type, buffered}: start at "load" as before
    }
  }
})();
