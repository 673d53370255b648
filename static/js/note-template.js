// "Start from this template": puts the cell tool's template into the note editor without
// reloading the page. Without JavaScript the link reloads the page with the template in the
// editor (?template=start or ?template=append); either way nothing is saved until saving.
(() => {
  document.querySelectorAll("[data-note-template]").forEach((link) => {
    const form = document.querySelector("[data-note-editor]");
    const textarea = form && form.querySelector("textarea[name=text]");
    if (!textarea) return;
    link.addEventListener("click", (event) => {
      event.preventDefault();
      const template = link.dataset.templateText;
      const current = textarea.value.trimEnd();
      textarea.value = current ? `${current}\n\n${template}` : template;
      // The editor's own script notices the change (draft kept, autosave) as if typed.
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
      textarea.focus();
      textarea.setSelectionRange(0, 0);
      textarea.scrollTop = 0;
    });
  });
})();
