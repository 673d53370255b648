// Small improvements on top of pages that work without JavaScript.
document.addEventListener("DOMContentLoaded", () => {
  // Move focus to a form's error summary so keyboard and screen-reader users hear it first.
  const summary = document.querySelector("[data-error-summary]");
  if (summary && document.activeElement !== summary) {
    summary.focus();
  }

  // Unsaved note drafts (note-editor.js) belong to the person who typed them: logging out, from
  // the header or the log-out page, clears them from this browser.
  const logout = document.querySelector("form[data-logout]");
  if (logout) {
    document.querySelectorAll(`form[action="${logout.getAttribute("action")}"]`).forEach((form) => {
      form.addEventListener("submit", () => {
        try {
          Object.keys(localStorage)
            .filter((key) => key.startsWith("note:"))
            .forEach((key) => localStorage.removeItem(key));
        } catch (error) {
          // Storage disabled: nothing was kept.
        }
      });
    });
  }
});
