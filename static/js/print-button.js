// The printable results' Print button: shown only where JavaScript can print.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-print]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  });
  document.querySelectorAll("[data-print-hint]").forEach((hint) => {
    hint.hidden = true;
  });
});
