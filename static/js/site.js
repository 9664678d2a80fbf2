// Small progressive enhancements; every page works without this file.
(function () {
  "use strict";

  // django-prose-editor: give the editable area the field's label, so that
  // screen readers (and axe) know what the editor is for.
  document.addEventListener("prose-editor:ready", function (event) {
    var editor = event.detail && event.detail.editor;
    var textarea = (event.detail && event.detail.textarea) || event.target;
    if (!editor || !textarea || !textarea.id) return;
    var label = document.querySelector('label[for="' + textarea.id + '"]');
    if (label) {
      if (!label.id) label.id = textarea.id + "-label";
      editor.view.dom.setAttribute("aria-labelledby", label.id);
    }
  });
})();
