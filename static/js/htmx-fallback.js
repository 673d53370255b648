// Forms that htmx sends in the background (ticks, status) keep a submit button for browsers
// without JavaScript. With htmx it is hidden; when a background request fails it comes back,
// with a message in the live region the form names (data-status), so the form can still be sent as a plain POST.
(() => {
  const hideFallbacks = (root) => {
    root.querySelectorAll("[data-fallback-submit]").forEach((button) => { button.hidden = true; });
  };
  const failed = (event) => {
    const form = event.detail.elt.closest("form");
    if (!form || !form.querySelector("[data-fallback-submit]")) return;
    form.querySelectorAll("[data-fallback-submit]").forEach((button) => { button.hidden = false; });
    const status = document.getElementById(form.dataset.status);
    if (status && event.type === "htmx:sendError") {
      status.textContent = gettext("Not saved: the server could not be reached. Try again.");
    }
  };
  document.addEventListener("DOMContentLoaded", () => hideFallbacks(document));
  document.addEventListener("htmx:afterSwap", (event) => hideFallbacks(event.detail.target.parentElement || document));
  document.addEventListener("htmx:sendError", failed);
  document.addEventListener("htmx:responseError", failed);
})();
