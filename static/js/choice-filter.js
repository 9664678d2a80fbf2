// A filter field above a long list of checkboxes (cop.widgets.FilteredCheckboxes): typing
// hides the choices that do not contain the text; checked ones always stay in view.
(function () {
  "use strict";

  function addFilter(list, index) {
    var id = "choice-filter-" + index;
    var label = document.createElement("label");
    label.htmlFor = id;
    label.className = "choice-filter__label";
    // Django puts the widget's attributes on every checkbox and its class on the list.
    label.textContent = list.querySelector("[data-choice-filter]").getAttribute("data-choice-filter");
    var input = document.createElement("input");
    input.type = "search";
    input.id = id;
    input.className = "choice-filter";
    input.setAttribute("aria-controls", list.id);
    var status = document.createElement("p");
    status.className = "choice-filter__status muted";
    status.setAttribute("role", "status");
    list.parentNode.insertBefore(label, list);
    list.parentNode.insertBefore(input, list);
    list.parentNode.insertBefore(status, list);
    var items = Array.prototype.slice.call(list.querySelectorAll(":scope > div"));
    input.addEventListener("input", function () {
      var text = input.value.trim().toLowerCase();
      var shown = 0;
      items.forEach(function (item) {
        var box = item.querySelector("input");
        var match = !text || item.textContent.toLowerCase().indexOf(text) >= 0 || (box && box.checked);
        item.hidden = !match;
        if (match) shown += 1;
      });
      var template = list.querySelector("[data-choice-filter-status]").getAttribute("data-choice-filter-status");
      status.textContent = text ? template.replace("{shown}", shown).replace("{total}", items.length) : "";
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("div.choice-list--long").forEach(function (list, index) {
      if (list.querySelector("[data-choice-filter]")) addFilter(list, index);
    });
  });
})();
