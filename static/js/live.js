// The live mode (phone page and wall): count down the round timer shown by the server.
// Without this file the page still shows the time left when it was drawn.
(function () {
  "use strict";

  function clock(seconds) {
    var minutes = Math.floor(seconds / 60);
    var rest = seconds % 60;
    return minutes + ":" + (rest < 10 ? "0" : "") + rest;
  }

  function announce(text) {
    var region = document.getElementById("wall-status") || document.getElementById("live-announcer");
    if (region) region.textContent = text;
  }

  function tick() {
    var timers = document.querySelectorAll("[data-timer-remaining]");
    for (var i = 0; i < timers.length; i++) {
      var timer = timers[i];
      var output = timer.querySelector("[data-timer-output]");
      if (!output || timer.getAttribute("data-timer-running") !== "1") continue;
      // Count from when this element was first seen: the server's number, never the device clock.
      if (!timer.hasAttribute("data-timer-start")) timer.setAttribute("data-timer-start", String(Date.now()));
      var elapsed = Math.floor((Date.now() - Number(timer.getAttribute("data-timer-start"))) / 1000);
      var left = Math.max(0, Number(timer.getAttribute("data-timer-remaining")) - elapsed);
      if (left > 0) {
        output.textContent = clock(left);
      } else if (!timer.hasAttribute("data-timer-announced")) {
        output.textContent = timer.getAttribute("data-timer-done");
        timer.classList.add("live-timer--done");
        timer.setAttribute("data-timer-announced", "1");
        announce(timer.getAttribute("data-timer-done"));
      }
    }
  }

  window.setInterval(tick, 1000);
})();
