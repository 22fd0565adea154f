// Display preferences (theme, text size, column width, translation options), remembered per
// browser. Controls marked data-pref="name" read and write them. Theme, size and width live in
// cookies: the server sets <html data-*> from them, so the page is painted in the reader's theme
// with no script before it (the bundle, this file first, runs after the first paint). Other
// preferences live in localStorage; so did these three before, and are moved over once.
(function () {
  "use strict";
  const PREFIX = "randnotiz.pref.";
  const PREFIX_COOKIE = "randnotiz.";
  // name -> the values allowed, the default first. The Display menu's selects carry them (the
  // server renders that menu from annotations/display.py, the one table of them).
  const CHOICES = {};
  document.querySelectorAll("#prefs select[data-pref][data-default]").forEach((select) => {
    const fallback = select.dataset.default;
    const values = Array.from(select.options, (option) => option.value).filter((v) => v !== fallback);
    CHOICES[select.dataset.pref] = [fallback, ...values];
  });
  const root = document.documentElement;

  // localStorage, or nothing remembered when the browser refuses storage.
  function read(key) {
    try { return localStorage.getItem(key); } catch (e) { return null; }
  }
  function write(key, value) {
    try { localStorage.setItem(key, value); } catch (e) { /* private mode: not remembered */ }
  }
  function forget(key) {
    try { localStorage.removeItem(key); } catch (e) { /* nothing stored */ }
  }

  // The cookie the server reads (annotations/display.py): "randnotiz.theme=dark", for a year
  // after the last visit. Any page on 127.0.0.1 (any port) may set one: a malformed value is none.
  function readCookie(name) {
    const pair = document.cookie.split("; ").find((c) => c.startsWith(PREFIX_COOKIE + name + "="));
    try {
      return pair ? decodeURIComponent(pair.slice(PREFIX_COOKIE.length + name.length + 1)) : null;
    } catch (e) {
      return null;
    }
  }
  function writeCookie(name, value) {
    document.cookie = `${PREFIX_COOKIE}${name}=${encodeURIComponent(value)}; path=/; max-age=31536000; SameSite=Lax`;
  }

  function get(name) {
    const allowed = CHOICES[name];
    if (!allowed) return read(PREFIX + name);
    // localStorage: where an older version kept it, and where the browser refuses cookies.
    const value = readCookie(name) ?? read(PREFIX + name);
    return allowed.includes(value) ? value : allowed[0];
  }

  function apply(name, value) {
    if (!CHOICES[name]) return;
    if (value === CHOICES[name][0]) root.removeAttribute("data-" + name);
    else root.setAttribute("data-" + name, value);
  }

  function set(name, value) {
    if (CHOICES[name]) writeCookie(name, value);
    else write(PREFIX + name, value);
    apply(name, value);
    document.dispatchEvent(new CustomEvent("randnotiz:pref", { detail: { name, value } }));
  }

  // A chosen value's cookie runs a year from this visit. A choice an older version kept in
  // localStorage moves into it (this first page after the upgrade shows it only now; every page
  // after is served in it) and leaves localStorage, unless the browser refuses the cookie.
  Object.keys(CHOICES).forEach((name) => {
    if (readCookie(name) !== null || read(PREFIX + name) !== null) writeCookie(name, get(name));
    if (readCookie(name) !== null) forget(PREFIX + name);
    apply(name, get(name));
  });
  // A page from the back/forward cache was rendered with the choices of its day.
  window.addEventListener("pageshow", (event) => {
    if (event.persisted) Object.keys(CHOICES).forEach((name) => apply(name, get(name)));
  });

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
  document.querySelectorAll("[data-pref]").forEach(bind); // the bundle runs after "load"

  // Is the reader typing into a field? Then single-letter keys are text, not commands.
  // Here because this is the bundle's first file; every other script uses it.
  function typing(el) {
    return Boolean(el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)));
  }

  window.Randnotiz = Object.assign(window.Randnotiz || {}, {
    pref: get, setPref: set, store: { read, write }, typing,
  });
})();
