// Small progressive enhancements; every page works without this file.
(function () {
  "use strict";

  var dutch = (document.documentElement.lang || "").toLowerCase().indexOf("nl") === 0;

  // django-prose-editor speaks English and ships no Dutch. Its dialogs ask
  // window.gettext (Django's JavaScript catalogue, which this site does not load);
  // this file runs before the editor module, so a small Dutch one answers them.
  var EDITOR_NL = {
    // Dialogs (through gettext).
    "URL": "Adres (URL)",
    "Title": "Titel",
    "Open in new window": "In een nieuw venster openen",
    "Edit Link": "Link bewerken",
    "Update": "Bijwerken",
    "Insert": "Invoegen",
    "Cancel": "Annuleren",
    "List properties": "Eigenschappen van de lijst",
    "Decimal numbers": "Cijfers",
    "Lowercase letters": "Kleine letters",
    "Uppercase letters": "Hoofdletters",
    "Lowercase Roman numerals": "Kleine Romeinse cijfers",
    "Uppercase Roman numerals": "Grote Romeinse cijfers",
    "Start at": "Beginnen bij",
    "List type": "Soort lijst",
    "Toggle fullscreen": "Volledig scherm aan of uit",
    // Toolbar buttons and menu options (fixed English titles and labels).
    "bold": "vet",
    "italic": "cursief",
    "unordered list": "opsomming",
    "ordered list": "genummerde lijst",
    "blockquote": "citaat",
    "insert link": "link invoegen",
    "remove link": "link verwijderen",
    "undo": "ongedaan maken",
    "redo": "opnieuw doen",
    "paragraph": "gewone tekst",
    "Paragraph": "Gewone tekst",
    "heading 2": "kop 2",
    "heading 3": "kop 3",
    "Heading 2": "Kop 2",
    "Heading 3": "Kop 3"
  };
  function inDutch(text) {
    return Object.prototype.hasOwnProperty.call(EDITOR_NL, text) ? EDITOR_NL[text] : text;
  }
  if (dutch && !window.gettext) window.gettext = inDutch;

  function translateToolbar(root) {
    root.querySelectorAll(".prose-menubar [title], .prose-menubar [aria-label]").forEach(function (node) {
      ["title", "aria-label"].forEach(function (name) {
        var value = node.getAttribute(name);
        if (value && inDutch(value) !== value) node.setAttribute(name, inDutch(value));
      });
      // An icon button's name is its ligature word ("undo") unless it has a label.
      if (node.classList.contains("material-icons") && !node.hasAttribute("aria-label")) {
        var word = node.getAttribute("title");
        if (word) node.setAttribute("aria-label", word);
      }
    });
    root.querySelectorAll(".prose-menubar p, .prose-menubar h2, .prose-menubar h3").forEach(function (node) {
      if (inDutch(node.textContent) !== node.textContent) node.textContent = inDutch(node.textContent);
    });
  }

  // On a phone the header folds its sections and account links behind a Menu button.
  // This file runs in <head>: the class is set before the first paint, and the listeners sit on
  // the document, so the button works from its first tap and after any swap of the page.
  // CSS decides when the fold applies (narrow screens).
  document.documentElement.classList.add("js-menu");
  function setMenuOpen(toggle, open) {
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    var header = toggle.closest(".site-header");
    if (header) header.classList.toggle("menu-open", open);
  }
  document.addEventListener("click", function (event) {
    var toggle = event.target.closest && event.target.closest(".menu-toggle");
    if (toggle) setMenuOpen(toggle, toggle.getAttribute("aria-expanded") !== "true");
  });
  document.addEventListener("keydown", function (event) {
    // Escape in the open menu closes it; in the search box it keeps clearing the field.
    if (event.key !== "Escape" || !event.target.closest) return;
    if (!event.target.closest("#site-nav, #account-nav, .menu-toggle")) return;
    var toggle = document.querySelector('.menu-toggle[aria-expanded="true"]');
    if (toggle) {
      setMenuOpen(toggle, false);
      toggle.focus();
    }
  });

  // On a phone, filter panels the server marked as foldable (no filter set, no error) fold,
  // so the results are not pushed a screen down. Without this file they simply stay open.
  document.addEventListener("DOMContentLoaded", function () {
    if (!window.matchMedia("(max-width: 40rem)").matches) return;
    document.querySelectorAll("details[data-fold-on-phone]").forEach(function (panel) {
      panel.open = false;
    });
  });

  document.addEventListener("prose-editor:ready", function (event) {
    var editor = event.detail && event.detail.editor;
    var textarea = (event.detail && event.detail.textarea) || event.target;
    if (!editor || !textarea || !textarea.id) return;
    // Give the editable area the field's label, so that screen readers (and axe)
    // know what the editor is for.
    var label = document.querySelector('label[for="' + textarea.id + '"]');
    if (label) {
      if (!label.id) label.id = textarea.id + "-label";
      editor.view.dom.setAttribute("aria-labelledby", label.id);
    }
    if (dutch) {
      var wrapper = textarea.closest(".prose-editor") || textarea.parentNode;
      translateToolbar(wrapper);
      // Menus and pickers are drawn again as the selection changes.
      new MutationObserver(function () {
        translateToolbar(wrapper);
      }).observe(wrapper, { childList: true, subtree: true });
    }
  });
})();
