// Text first: the script bundle (named by <meta id="app-bundle">) is fetched and run once the page
// has loaded and its first contentful paint has been reported. Inlined at the end of <body> (its
// hash allowed by the CSP), so no script is fetched or run before the text is on screen. As a
// deferred script the bundle ran before the first paint and held the text back; started two frames
// after "load" it still often ran beside that frame, whose presentation on a busy machine comes
// frames later. htmx needs a complete document, so never before "load". A tab that paints nothing
// yet (opened in the background), or a browser without paint timing (or refusing to observe it),
// starts it at "load"; a paint never reported, 1 s after.
(function () {
  var painted = !(window.PerformanceObserver &&
    (PerformanceObserver.supportedEntryTypes || []).indexOf("paint") >= 0);
  var loaded = false;
  var started = false;
  function start() {
    if (started) return;
    started = true;
    // What waits for the text's first paint is shown now (the notes panel's contents: CSS).
    document.documentElement.setAttribute("data-painted", "");
    // Form controls come inside <template class="with-script">: one in the parsed document makes
    // Chromium's autofill read every form and lay the page out before the first paint (traced:
    // 15-20 ms on the article). They are put in place here, with the text on screen, and before
    // the bundle is fetched: a bundle that fails to arrive must not take the search box with it.
    var templates = document.querySelectorAll("template.with-script");
    for (var i = 0; i < templates.length; i++) {
      templates[i].parentNode.replaceChild(templates[i].content, templates[i]);
    }
    var named = document.getElementById("app-bundle");
    if (!named) return;
    var script = document.createElement("script");
    script.src = named.content;
    document.head.appendChild(script);
  }
  window.addEventListener("load", function () {
    loaded = true;
    if (painted || document.visibilityState === "hidden") start();
    else setTimeout(start, 1000);
  });
  if (!painted) {
    try {
      new PerformanceObserver(function (list, observer) {
        if (!list.getEntriesByName("first-contentful-paint").length) return;
        observer.disconnect();
        painted = true;
        if (loaded) start();
      }).observe({ type: "paint", buffered: true });
    } catch (e) {
      // An observer that refuses {type, buffered}: start at "load".
      painted = true;
    }
  }
})();
