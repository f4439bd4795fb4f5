// The import preview's proposal: while the editor adjusts a segment's choice, its row is marked
// as changed and shows the blocks it now takes (a block's part with the option's label; the
// exact cut comes from the server with "Show the texts of this pairing").
(function () {
  "use strict";
  function blockText(number) {
    var row = document.querySelector('.proposal-blocks tr[data-block="' + number + '"]');
    return row ? row.dataset.text : "";
  }
  function chosenText(select) {
    var value = select.value;
    if (!value) {
      return "";
    }
    var parts = value.split("+").map(function (piece) {
      return blockText(piece.replace(/[ab]$/, ""));
    });
    var label = select.options[select.selectedIndex].text;
    return /[ab]$/.test(value) ? "[" + label + "] " + parts.join(" ") : parts.join(" ");
  }
  function update(select) {
    var row = select.closest("tr.proposal-row");
    if (!row) {
      return;
    }
    row.classList.toggle("changed", select.value !== select.dataset.proposed);
    var cell = row.querySelector("td.this-text");
    var text = chosenText(select);
    row.classList.toggle("empty", !text);
    cell.textContent = text || cell.dataset.none;
  }
  document.addEventListener("change", function (event) {
    if (event.target.matches("tr.proposal-row select")) {
      update(event.target);
    }
  });
})();
