// Small improvements only: every page works without this file.
document.addEventListener("DOMContentLoaded", function () {
  // Take keyboard and screen-reader users straight to the list of errors after a failed submit.
  var summary = document.querySelector("[data-autofocus]");
  if (summary) { summary.focus(); }
  // Print buttons (hidden without scripts; the page tells people to use Ctrl+P instead).
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
  // Ask before an action that cannot be undone.
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.getAttribute("data-confirm"))) { event.preventDefault(); }
    });
  });
});
