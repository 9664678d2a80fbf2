// The phone page of the live mode: keep what a person types, and keep focus on the dots.
// Without this file the page works as plain forms (each dot reloads the page).
(function () {
  "use strict";

  function store() {
    try {
      return window.localStorage;
    } catch (error) {
      return null; // private mode or storage off: nothing is kept, the forms still work
    }
  }

  // What was typed is kept per meeting and round (live-draft-<meeting>-<round>) until it is on
  // the wall: a paused or ended round shows it to copy, a resumed round puts it back.
  function restoreDrafts(root) {
    var storage = store();
    if (!storage) return;
    var posted = Array.prototype.map.call(document.querySelectorAll(".my-contribution p"), function (p) {
      return p.textContent.trim();
    });
    root.querySelectorAll("form[data-draft-key]").forEach(function (form) {
      var key = form.getAttribute("data-draft-key");
      var field = form.querySelector("textarea");
      var draft = storage.getItem(key) || "";
      if (draft && posted.indexOf(draft.trim()) !== -1) {
        storage.removeItem(key); // it reached the wall
        draft = "";
      }
      if (field && draft && !field.value) field.value = draft;
    });
    root.querySelectorAll("[data-draft-copy]").forEach(function (box) {
      if (document.getElementById("end-draft")) return; // the server already gave the text back
      var prefix = box.getAttribute("data-draft-copy");
      var texts = [];
      for (var i = 0; i < storage.length; i++) {
        var key = storage.key(i);
        if (key && key.indexOf(prefix) === 0 && storage.getItem(key)) texts.push(storage.getItem(key));
      }
      if (!texts.length) return;
      box.querySelector("textarea").value = texts.join("\n\n");
      box.hidden = false;
    });
  }

  document.addEventListener("input", function (event) {
    var form = event.target.closest && event.target.closest("form[data-draft-key]");
    var storage = store();
    if (!form || !storage || event.target.tagName !== "TEXTAREA") return;
    if (event.target.value) storage.setItem(form.getAttribute("data-draft-key"), event.target.value);
    else storage.removeItem(form.getAttribute("data-draft-key"));
  });

  // A dot changes the round panel in place; focus goes back to the same button (or its partner).
  // After posting, focus goes to the text field for the next contribution.
  var focused = null;
  var posting = false;
  document.addEventListener("htmx:beforeRequest", function (event) {
    if (event.target.closest && event.target.closest(".vote-option")) {
      focused = document.activeElement && document.activeElement.id;
    }
    if (event.target.matches && event.target.matches("form[data-draft-key]")) posting = true;
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    restoreDrafts(document);
    // Only the post's own answer (the round panel) moves focus: a poll that settles while the
    // post is on its way (the own list redrawn, the poller replaced) must not use it up.
    if (posting && event.target && event.target.id === "live-round") {
      posting = false;
      var field = document.querySelector("#live-round textarea:not([readonly])") || document.querySelector(".live-refusal, .live-posted");
      if (field) {
        if (!field.matches("textarea")) field.setAttribute("tabindex", "-1");
        field.focus();
      }
    }
    if (!focused) return;
    var id = focused;
    focused = null;
    var partner = id.indexOf("dot-add-") === 0 ? id.replace("dot-add-", "dot-remove-") : id.replace("dot-remove-", "dot-add-");
    var target = document.getElementById(id);
    if (!target || target.disabled) target = document.getElementById(partner);
    if (target && !target.disabled) target.focus();
  });

  document.addEventListener("DOMContentLoaded", function () {
    restoreDrafts(document);
  });
})();
