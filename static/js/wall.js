// The projector wall: push, fit to the screen, full screen. Without this file the wall polls
// (htmx, every 2 s) and shows what fits; without JavaScript at all it reloads every 5 s.
//
// The cursor is the live version in the poller's address (?v=N): every answer, polled or
// pushed, says which version it brings the wall to, and a pushed batch is only drawn when
// it starts at the wall's cursor. Anything else makes the wall ask the server what it
// missed since its cursor, so a lost connection never skips or repeats a contribution.
(function () {
  "use strict";

  var stream = null;
  var streaming = false; // the stream is open: the timed polls pause
  var forcing = false; // a catch-up poll this file asked for
  var fetching = false;
  var again = false;
  var failures = 0;

  function poller() {
    return document.getElementById("wall-poller");
  }

  function cursor() {
    var p = poller();
    var match = p && /[?&]v=(\d+)/.exec(p.getAttribute("data-hx-get"));
    return match ? Number(match[1]) : -1;
  }

  function setCursor(version) {
    var old = poller();
    var fresh = old.cloneNode(false);
    fresh.setAttribute("data-hx-get", old.getAttribute("data-hx-get").replace(/([?&]v=)\d+/, "$1" + version));
    old.replaceWith(fresh);
    window.htmx.process(fresh);
  }

  // Ask the server what the wall missed since its cursor (the poll's own answer: append or redraw).
  function catchUp() {
    if (fetching) {
      again = true;
      return;
    }
    fetching = true;
    forcing = true;
    var done = function () {
      fetching = false;
      if (again) {
        again = false;
        catchUp();
      }
    };
    var request = window.htmx.ajax("GET", poller().getAttribute("data-hx-get"), {
      source: poller(),
      target: poller(),
      swap: "outerHTML",
    });
    forcing = false;
    if (request && request.then) request.then(done, done);
    else done();
  }

  function append(data) {
    var list = document.getElementById("wall-new");
    if (!list || fetching || data.from !== cursor()) {
      catchUp();
      return;
    }
    var holder = document.createElement("ul");
    holder.innerHTML = data.html; // our own server's template output, escaped there
    var items = Array.prototype.slice.call(holder.children);
    for (var i = items.length - 1; i >= 0; i--) {
      if (!document.getElementById(items[i].id)) list.insertBefore(items[i], list.firstChild);
    }
    var status = document.getElementById("wall-status");
    if (status) status.textContent = data.status;
    setCursor(data.to);
    fit();
  }

  function connect() {
    var p = poller();
    var url = p && p.getAttribute("data-wall-stream");
    if (!url || !window.EventSource || document.querySelector("[data-wall-ended]")) return;
    stream = new EventSource(url);
    stream.addEventListener("open", function () {
      streaming = true;
      failures = 0;
    });
    stream.addEventListener("hello", function (event) {
      if (JSON.parse(event.data).v !== cursor()) catchUp();
    });
    stream.addEventListener("append", function (event) {
      append(JSON.parse(event.data));
    });
    stream.addEventListener("redraw", function (event) {
      if (JSON.parse(event.data).to !== cursor()) catchUp();
    });
    stream.addEventListener("error", function () {
      // Lost, or refused (204: this server polls instead). The timed polls take over at once;
      // try again later, less often after each failure.
      streaming = false;
      stream.close();
      stream = null;
      failures += 1;
      window.setTimeout(connect, Math.min(30000, 1000 * Math.pow(2, failures)));
    });
  }

  document.addEventListener("htmx:confirm", function (event) {
    if (event.target.id === "wall-poller" && streaming && !forcing) event.preventDefault();
  });

  // --- fit: the newest notes always on screen, never a scrollbar ------------------------------

  var MIN_SCALE = 0.55;

  function overflows(box) {
    return box.scrollHeight > box.clientHeight + 1;
  }

  function fit() {
    var box = document.querySelector("[data-wall-fit]");
    var prompt = document.querySelector(".wall-prompt");
    var main = document.querySelector(".wall-main");
    if (prompt && main) {
      // A long question takes at most a third of the screen.
      var scale = 1;
      prompt.style.setProperty("--prompt-scale", "1");
      while (prompt.offsetHeight > main.clientHeight / 3 && scale > 0.5) {
        scale -= 0.05;
        prompt.style.setProperty("--prompt-scale", String(scale));
      }
    }
    if (!box) return;
    var notes = box.querySelectorAll(".postit");
    for (var i = 0; i < notes.length; i++) notes[i].hidden = false;
    var size = 1;
    box.style.setProperty("--wall-scale", "1");
    while (overflows(box) && size > MIN_SCALE) {
      size = Math.max(MIN_SCALE, size - 0.05);
      box.style.setProperty("--wall-scale", String(size));
    }
    // Still too many: leave out the oldest (lowest id) until the rest fits.
    var more = box.querySelector("[data-wall-more]");
    var sorted = Array.prototype.slice.call(notes).sort(function (a, b) {
      return Number(a.id.slice(2)) - Number(b.id.slice(2));
    });
    // The page keeps as many notes as the server draws (data-keep): older ones leave the page
    // and are counted, so a long session does not slow the projector down.
    var older = more ? Number(more.getAttribute("data-older") || 0) : 0;
    var keep = (more && Number(more.getAttribute("data-keep"))) || Infinity;
    while (sorted.length > keep) {
      var gone = sorted.shift();
      gone.parentNode.removeChild(gone);
      older += 1;
    }
    if (more) more.setAttribute("data-older", String(older));
    var left = 0;
    while (overflows(box) && left < sorted.length - 1) {
      sorted[left].hidden = true;
      left += 1;
    }
    if (more) {
      var total = left + older;
      more.hidden = total === 0;
      more.textContent = total === 1 ? more.getAttribute("data-one") : more.getAttribute("data-many").replace("{n}", total);
    }
  }

  // --- full screen ---------------------------------------------------------------------------

  function fullscreenButton() {
    var button = document.querySelector("[data-wall-fullscreen]");
    if (!button || !document.fullscreenEnabled) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      if (document.fullscreenElement) document.exitFullscreen();
      else document.documentElement.requestFullscreen();
    });
    document.addEventListener("fullscreenchange", function () {
      button.textContent = button.getAttribute(document.fullscreenElement ? "data-label-off" : "data-label-on");
    });
  }

  document.addEventListener("htmx:afterSettle", function () {
    fit();
    if (document.querySelector("[data-wall-ended]") && stream) {
      stream.close();
      stream = null;
      streaming = false;
    }
  });
  window.addEventListener("resize", fit);
  document.addEventListener("DOMContentLoaded", function () {
    fit();
    fullscreenButton();
    connect();
  });
})();
