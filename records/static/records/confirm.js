// Ask for confirmation before submitting a form that carries data-confirm (restore, publish),
// or through a button that carries its own (a form with several actions).
document.addEventListener("submit", function (event) {
  var form = event.target;
  var button = event.submitter;
  var message = (button && button.dataset && button.dataset.confirm) ||
    (form.dataset && form.dataset.confirm);
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
