// Last in the bundle: every script has run. Tests (and anything else) wait for html[data-ready].
document.documentElement.setAttribute("data-ready", "");
