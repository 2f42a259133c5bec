// The page of the first question is the answer to "Start" (a POST): give the address bar the
// page's own address, so that reloading it, bookmarking it or coming back to it asks for this page
// instead of sending "Start" again.
(function () {
  "use strict";
  var canonical = document.querySelector("link[rel=canonical]");
  if (!canonical || !window.history || !history.replaceState) { return; }
  var url = new URL(canonical.href, location.href);
  if (url.pathname !== location.pathname) { history.replaceState(null, "", url.pathname + location.hash); }
}());

// Enhancement only: save an answer the moment it changes, without leaving the page.
// Without JavaScript every button of the question form posts and saves the answer anyway.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch || !window.FormData) { return; }
  var status = document.getElementById("save-status");
  var count = document.getElementById("answered-count");
  var was = form.querySelector("input[name=was]");
  var queue = Promise.resolve();
  var timer = null;

  function say(text) { if (status) { status.textContent = text; } }

  function complete() {
    // An ordering is saved once every item has a place (or none has).
    var places = form.querySelectorAll("select.place");
    if (!places.length) { return true; }
    var filled = 0;
    places.forEach(function (s) { if (s.value) { filled += 1; } });
    return filled === 0 || filled === places.length;
  }

  function markAnswered(slots) {
    var answered = {};
    slots.forEach(function (s) { answered[s] = true; });
    var buttons = form.querySelectorAll("button.slot");
    buttons.forEach(function (b) {
      var n = Number(b.getAttribute("data-slot"));
      var on = !!answered[n];
      b.classList.toggle("answered", on);
      var here = b.classList.contains("current") ? ", this question" : "";
      b.setAttribute("aria-label", "Question " + n + ", " + (on ? "answered" : "not answered") + here);
    });
    if (count) { count.textContent = slots.length + " of " + buttons.length + " answered"; }
  }

  function save() {
    var data = new FormData(form);
    data.set("go", "save");
    return fetch(form.action, {
      method: "POST", body: data, credentials: "same-origin",
      headers: { "X-Requested-With": "fetch", "Accept": "application/json" }
    }).then(function (r) {
      var type = r.headers.get("Content-Type") || "";
      if (type.indexOf("application/json") === -1) {
        // Signed out, or the page's security token is no longer valid: nothing was saved.
        return { ok: false, body: { error: "Not saved: this page has expired. Reload it and answer again." } };
      }
      return r.json().then(function (body) { return { ok: r.ok, body: body }; });
    }).then(function (res) {
      if (res.ok && res.body.saved) {
        if (was && res.body.was) { was.value = res.body.was; }
        markAnswered(res.body.answered || []);
        say(res.body.action === "clear" ? "Answer cleared." : res.body.action === "keep" ? "" : "Answer saved.");
      } else if (res.body && res.body.finished) {
        say("This attempt is finished: answers can no longer change.");
      } else if (res.body && res.body.error) {
        say(res.body.error);
      }
    }).catch(function () {
      say("Not saved yet: the connection dropped. Your answer is saved when you move to another question.");
    });
  }

  function schedule(delay) {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(function () {
      timer = null;
      if (!complete()) { return; }
      queue = queue.then(save);
    }, delay);
  }

  form.addEventListener("change", function (e) {
    var name = e.target.name || "";
    if (name === "answer" || /^[mo]-/.test(name)) { schedule(100); }
  });
  form.addEventListener("input", function (e) {
    if (e.target.name === "answer" && e.target.type === "text") { schedule(900); }
  });
})();
