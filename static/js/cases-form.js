// Case form: "add another row" buttons for the inline formsets (partners, factors, photos, links).
// Without JavaScript the form still works: empty rows are offered after "Opslaan en verder bewerken".
(function () {
  "use strict";

  function addRow(prefix) {
    var total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
    var max = document.getElementById("id_" + prefix + "-MAX_NUM_FORMS");
    var template = document.querySelector('template[data-formset-template="' + prefix + '"]');
    var rows = document.querySelector('[data-formset-rows="' + prefix + '"]');
    if (!total || !template || !rows) return;
    var index = parseInt(total.value, 10);
    if (max && index >= parseInt(max.value, 10)) return;
    var html = template.innerHTML.replace(/__prefix__/g, String(index)).replace(/__number__/g, String(index + 1));
    var holder = document.createElement("div");
    holder.innerHTML = html;
    var row = holder.firstElementChild;
    rows.appendChild(row);
    total.value = String(index + 1);
    var first = row.querySelector("input:not([type=hidden]), select, textarea");
    if (first) first.focus();
  }

  // "Wijk of kern" offers the places of the chosen municipality only. Without JavaScript the
  // list stays grouped by municipality (optgroups), and the server checks that they match.
  function followMunicipality(municipality, area) {
    var groups = Array.prototype.slice.call(area.querySelectorAll("optgroup")).map(function (group) {
      return group.cloneNode(true);
    });
    function update() {
      var chosen = municipality.selectedIndex > 0 ? municipality.options[municipality.selectedIndex].text : "";
      var value = area.value;
      area.querySelectorAll("optgroup").forEach(function (group) { group.remove(); });
      groups.forEach(function (group) {
        if (!chosen || group.label === chosen) area.appendChild(group.cloneNode(true));
      });
      area.value = value;
      if (area.value !== value) area.value = "";
    }
    municipality.addEventListener("change", update);
    update();
  }

  document.addEventListener("DOMContentLoaded", function () {
    var municipality = document.getElementById("id_municipality");
    var area = document.getElementById("id_area");
    if (municipality && area) followMunicipality(municipality, area);
    document.querySelectorAll("[data-formset-add]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        addRow(button.getAttribute("data-formset-add"));
      });
    });
    var summary = document.getElementById("form-errors");
    if (summary) summary.focus();
  });
})();
