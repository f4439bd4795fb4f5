// The new token's key: a Copy button (where the clipboard can be written) and the key selected
// on focus, so it is copied at once either way.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("textarea.key").forEach(function (input) {
    input.addEventListener("focus", function () { input.select(); });
  });
  document.querySelectorAll("button.copy-key").forEach(function (button) {
    var input = document.getElementById(button.dataset.copy);
    if (!input || !navigator.clipboard) {
      return;
    }
    button.hidden = false;
    var label = button.textContent;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(input.value).then(function () {
        button.textContent = button.dataset.copied;
        window.setTimeout(function () { button.textContent = label; }, 2000);
      }, function () {
        input.focus();
      });
    });
  });
});
