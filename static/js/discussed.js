// Ticking a guiding question as discussed saves at once; the form still works without this.
document.querySelectorAll("form[data-discussed-form]").forEach((form) => {
  const status = form.querySelector("[data-discussed-status]");
  form.querySelector("[data-discussed-submit]").hidden = true;
  form.addEventListener("change", async () => {
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { Accept: "application/json", "X-Autosave": "1" },
        credentials: "same-origin",
      });
      if (!response.ok) throw new Error(String(response.status));
      const { discussed } = await response.json();
      form.querySelectorAll("input[name=shown]").forEach((input) => input.remove());
      discussed.forEach((pk) => {
        const input = document.createElement("input");
        Object.assign(input, { type: "hidden", name: "shown", value: pk });
        form.append(input);
        form.querySelector(`input[name=discussed][value="${pk}"]`).checked = true;
      });
      status.textContent = gettext("Saved.");
    } catch (error) {
      status.textContent = gettext("Not saved: the server could not be reached. Try again.");
      form.querySelector("[data-discussed-submit]").hidden = false;
    }
  });
});
