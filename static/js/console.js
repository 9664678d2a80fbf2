// The facilitator's console: shortcuts, focus after in-place updates, the factor filter and
// drag and drop (pointer events: mouse, pen and touch). Every action is a plain form that
// works without this file; htmx sends it in place, this file only makes it quicker.
(function () {
  "use strict";

  var current = null; // id of the note the facilitator is working on ("note-12")
  var pendingFocus = null; // what to focus after the next swap

  function board() { return document.getElementById("console-board"); }
  function notes() { return Array.prototype.slice.call(document.querySelectorAll("#console-board [data-note]")); }
  function unclustered() {
    var list = document.querySelector("#unclustered-title + [data-notes]");
    return list ? Array.prototype.slice.call(list.querySelectorAll("[data-note]")) : [];
  }
  function box(note) { return note && note.querySelector("[data-note-box]"); }
  function currentNote() {
    var note = current && document.getElementById(current);
    return note && note.hasAttribute("data-note") ? note : null;
  }
  function ticked() {
    return Array.prototype.slice.call(document.querySelectorAll("#console-board [data-note-box]:checked"));
  }

  function typing(target) {
    if (!target || !target.closest) return false;
    if (target.isContentEditable) return true;
    var tag = target.tagName;
    if (tag === "TEXTAREA" || tag === "SELECT") return true;
    if (tag !== "INPUT") return false;
    return ["checkbox", "radio", "button", "submit", "reset"].indexOf(target.type) === -1;
  }

  function focusNote(note) {
    if (!note) return;
    current = note.id;
    var target = box(note) || note.querySelector("button");
    if (target) {
      target.focus();
      note.scrollIntoView({ block: "nearest" });
    }
  }

  function move(step) {
    var all = notes();
    if (!all.length) return;
    var at = all.indexOf(currentNote());
    var next = at === -1 ? (step > 0 ? 0 : all.length - 1) : Math.min(all.length - 1, Math.max(0, at + step));
    focusNote(all[next]);
  }

  // Before a form goes: with nothing ticked, it acts on the note the facilitator was on.
  function tickCurrentIfNone() {
    if (ticked().length) return;
    var b = box(currentNote());
    if (b) b.checked = true;
  }

  // Where focus goes after the board is redrawn: the note that now stands where the
  // facilitator was (the next unclustered one), else the first one, else the heading.
  function rememberPlace() {
    var list = unclustered();
    var note = currentNote();
    var at = note ? list.indexOf(note) : -1;
    if (at === -1 && ticked().length) at = list.indexOf(ticked()[0].closest("[data-note]"));
    pendingFocus = { kind: "board", index: at, note: note && list.indexOf(note) === -1 ? note.id : null };
  }

  function restoreFocus() {
    var wanted = pendingFocus;
    pendingFocus = null;
    if (!wanted) return;
    if (wanted.kind === "round") {
      var item = document.getElementById(wanted.id);
      var target = item && (item.matches("button, a") ? item : item.querySelector("button, a"));
      if (!target) {
        target = document.getElementById("rounds-title");
        if (target) target.setAttribute("tabindex", "-1");
      }
      if (target) target.focus();
      return;
    }
    if (wanted.kind === "queue") {
      var approvals = document.querySelectorAll("#console-board [data-approve]");
      if (approvals.length) {
        approvals[Math.min(wanted.index, approvals.length - 1)].focus();
        return;
      }
    }
    if (wanted.kind === "element") {
      var el = document.getElementById(wanted.id);
      if (el && !el.disabled) { el.focus(); return; }
    }
    var list = unclustered();
    if (wanted.note && document.getElementById(wanted.note)) {
      focusNote(document.getElementById(wanted.note));
    } else if (list.length) {
      focusNote(list[Math.min(Math.max(wanted.index, 0), list.length - 1)]);
    } else {
      var heading = document.getElementById("unclustered-title");
      if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
    }
  }

  document.addEventListener("focusin", function (event) {
    var note = event.target.closest && event.target.closest("#console-board [data-note]");
    if (note) current = note.id;
  });

  // Capture: runs before htmx sends the form.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.closest("#console-board") && !form.closest("#console-main")) return;
    if (form.id === "cluster-form") tickCurrentIfNone();
    if (form.closest("#rondes")) {
      var item = form.closest("[id^='ronde-']");
      pendingFocus = { kind: "round", id: item ? item.id : "round-next" };
    } else if (form.closest("[data-waiting]")) {
      var waiting = Array.prototype.slice.call(document.querySelectorAll("#console-board [data-waiting]"));
      pendingFocus = { kind: "queue", index: waiting.indexOf(form.closest("[data-waiting]")) };
    } else {
      rememberPlace();
    }
  }, true);

  document.addEventListener("htmx:afterSettle", function (event) {
    var id = event.detail && event.detail.target && event.detail.target.id;
    if (id === "console-board" || id === "console-main") {
      enhance();
      restoreFocus();
    }
  });

  // --- the factor filter -----------------------------------------------------------------

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function filterFactors() {
    var input = document.getElementById("cluster-filter");
    var select = document.getElementById("cluster-factor");
    if (!input || !select) return;
    var words = fold(input.value).split(/\s+/).filter(Boolean);
    var first = null;
    Array.prototype.forEach.call(select.options, function (option) {
      if (!option.value) return;
      var name = fold(option.textContent);
      var match = words.every(function (w) { return name.indexOf(w) !== -1; });
      option.hidden = !match;
      if (match && !first) first = option;
    });
    select.value = words.length && first ? first.value : "";
  }

  document.addEventListener("input", function (event) {
    if (event.target.id === "cluster-filter") filterFactors();
  });

  // --- shortcuts -------------------------------------------------------------------------

  function accept(n) {
    var note = currentNote();
    var button = note && note.querySelector("[data-suggestion='" + n + "']");
    if (button) {
      rememberPlace();
      button.form.requestSubmit(button);
    }
  }

  document.addEventListener("keydown", function (event) {
    if (!board()) return;
    if (event.key === "Escape" && (event.target.id === "cluster-filter" || event.target.id === "cluster-new-name")) {
      event.preventDefault();
      focusNote(currentNote() || unclustered()[0]);
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    var key = event.key;
    var handled = true;
    if (key === "j") move(1);
    else if (key === "k") move(-1);
    else if (key === "x") {
      var b = box(currentNote());
      if (b) b.checked = !b.checked;
    } else if (key === "1" || key === "2" || key === "3") accept(key);
    else if (key === "f" || key === "/") {
      var filter = document.getElementById("cluster-filter");
      if (filter) { filter.value = ""; filterFactors(); filter.focus(); }
    } else if (key === "n") {
      var name = document.getElementById("cluster-new-name");
      var chosen = document.getElementById("cluster-factor");
      if (chosen) chosen.value = ""; // a new factor or an existing one, not both
      if (name) name.focus();
    } else if (key === "u") {
      var undo = document.getElementById("undo-button");
      if (undo && !undo.disabled) { rememberPlace(); undo.form.requestSubmit(undo); }
    } else handled = false;
    if (handled) event.preventDefault();
  });

  // --- drag and drop ---------------------------------------------------------------------

  var drag = null;

  function dropTarget(x, y) {
    var el = document.elementFromPoint(x, y);
    return el && el.closest ? el.closest("#console-board [data-drop-factor]") : null;
  }

  function mark(target) {
    if (drag.over && drag.over !== target) drag.over.classList.remove("drop-target--over");
    drag.over = target;
    if (target) target.classList.add("drop-target--over");
  }

  document.addEventListener("pointerdown", function (event) {
    var handle = event.target.closest && event.target.closest("#console-board [data-drag-handle]");
    if (!handle || event.button !== 0) return;
    var note = handle.closest("[data-note]");
    drag = { note: note, x: event.clientX, y: event.clientY, ghost: null, over: null };
    handle.setPointerCapture(event.pointerId);
    event.preventDefault();
  });

  document.addEventListener("pointermove", function (event) {
    if (!drag) return;
    if (!drag.ghost) {
      if (Math.abs(event.clientX - drag.x) + Math.abs(event.clientY - drag.y) < 6) return;
      drag.ghost = document.createElement("div");
      drag.ghost.className = "drag-ghost";
      drag.ghost.setAttribute("aria-hidden", "true");
      var label = drag.note.querySelector("label");
      drag.ghost.textContent = label ? label.textContent : "";
      document.body.appendChild(drag.ghost);
      drag.note.classList.add("console-contribution--dragging");
    }
    drag.ghost.style.transform = "translate(" + (event.clientX + 8) + "px," + (event.clientY + 8) + "px)";
    mark(dropTarget(event.clientX, event.clientY));
  });

  function endDrag(event, cancelled) {
    if (!drag) return;
    var d = drag;
    drag = null;
    if (d.ghost) d.ghost.remove();
    d.note.classList.remove("console-contribution--dragging");
    if (d.over) d.over.classList.remove("drop-target--over");
    var target = cancelled || !d.ghost ? null : dropTarget(event.clientX, event.clientY);
    if (!target) return;
    // A ticked note takes the other ticked ones along; otherwise only the dragged one moves.
    var own = box(d.note);
    var ids = own && own.checked ? ticked().map(function (b) { return b.value; }) : [d.note.getAttribute("data-note")];
    var factor = target.getAttribute("data-drop-factor");
    var form = document.getElementById(factor ? "drop-cluster-form" : "drop-uncluster-form");
    Array.prototype.forEach.call(form.querySelectorAll("input[name='contributions']"), function (i) { i.remove(); });
    ids.forEach(function (id) {
      var input = document.createElement("input");
      input.type = "hidden";
      input.name = "contributions";
      input.value = id;
      form.appendChild(input);
    });
    if (factor) form.querySelector("input[name='factor']").value = factor;
    current = d.note.id;
    rememberPlace();
    form.requestSubmit();
  }

  document.addEventListener("pointerup", function (event) { endDrag(event, false); });
  document.addEventListener("pointercancel", function (event) { endDrag(event, true); });

  // Parts that only make sense with this file: the filter box, the drag handles, the shelf.
  function enhance() {
    var parts = document.querySelectorAll("#console-board [data-filter-field], #console-board [data-drag-handle], #console-board [data-shelf]");
    Array.prototype.forEach.call(parts, function (el) { el.hidden = false; });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", enhance);
  else enhance();
})();
