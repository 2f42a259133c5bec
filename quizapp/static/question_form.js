// The question form shows only the part that belongs to the chosen type (choices, pairs…).
// Without JavaScript every part is shown, and the server ignores the parts of other types.
(function () {
  "use strict";
  var select = document.getElementById("type");
  if (!select) { return; }
  function show() {
    document.querySelectorAll(".type-part").forEach(function (part) {
      part.hidden = part.dataset.types.split(" ").indexOf(select.value) < 0;
    });
  }
  select.addEventListener("change", show);
  show();
})();
