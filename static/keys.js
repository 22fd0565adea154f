// `?` shows every key (templates/_keys.html) in a modal dialog: Escape closes it, focus returns.
(function () {
  "use strict";
  const dialog = document.getElementById("keys-dialog");
  if (!dialog) return;
  const { typing } = window.Randnotiz;

  document.addEventListener("keydown", (e) => {
    if (e.key !== "?" || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
    e.preventDefault();
    if (dialog.open) { dialog.close(); return; }
    if (document.querySelector("dialog[open]")) return; // never over the note dialog
    dialog.showModal();
    dialog.querySelector("#keys-close").focus();
  });
})();
