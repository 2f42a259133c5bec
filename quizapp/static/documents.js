// The upload form says that generation is under way once it is sent.
(function () {
  "use strict";
  var form = document.getElementById("upload-form");
  var progress = document.getElementById("upload-progress");
  if (!form || !progress) { return; }
  form.addEventListener("submit", function () { progress.hidden = false; });
})();
