// First in the bundle: the page's form controls that only a script drives (the Display menu, find
// in text, switches) are sent inside <template class="with-script"> and put in place here, before
// any script looks for them. A form control in the document when it finishes parsing makes
// Chromium's autofill read every form and force a layout before the first paint (traced: 15-20 ms
// on the article, bench/bench_browser.py); without a script they would do nothing anyway.
document.querySelectorAll("template.with-script").forEach((template) => {
  template.replaceWith(template.content);
});
