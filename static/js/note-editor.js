// Autosave for a partnership's note. The form works without JavaScript (a plain POST);
// this script saves while the user types, says plainly what happened, keeps unsaved text in
// the browser's local storage, and offers it back on the next visit.
(() => {
  const SAVE_DELAY_MS = 1500;
  const RETRY_DELAY_MS = 10000;

  function setUp(form) {
    const textarea = form.querySelector("textarea[name=text]");
    const baseVersion = form.querySelector("input[name=base_version]");
    const status = form.querySelector("[data-save-status]");
    const storageKey = form.dataset.storageKey;
    // Messages from Django's JavaScript catalogue, in the page's language.
    const MESSAGES = {
      saving: gettext("Saving…"),
      saved: gettext("Saved at %s"),
      unsaved: gettext("Changes not saved yet."),
      offline: gettext("Not saved: the server could not be reached. Your text is kept in this browser; saving will be tried again."),
      conflict: gettext("Not saved: someone else has changed this note. Showing both versions…"),
      refused: gettext("Not saved: %s"),
    };
    const message = (name, value) => interpolate(MESSAGES[name], [value ?? ""]);
    let dirty = false;
    let inFlight = null;
    let timer = null;
    let leaving = false;

    const show = (text, state) => {
      status.textContent = text;
      status.dataset.state = state;
    };
    const storeDraft = () => {
      try {
        localStorage.setItem(storageKey, JSON.stringify({
          text: textarea.value, baseVersion: baseVersion.value, at: new Date().toISOString(),
        }));
      } catch (error) {
        // Storage full or disabled: the text is still in the editor.
      }
    };
    const dropDraft = () => {
      try { localStorage.removeItem(storageKey); } catch (error) { /* nothing stored */ }
    };
    const schedule = (delay) => {
      clearTimeout(timer);
      timer = setTimeout(save, delay);
    };

    async function save() {
      if (!dirty) return;
      if (inFlight) { schedule(SAVE_DELAY_MS); return; }
      const sent = textarea.value;
      show(message("saving"), "saving");
      inFlight = fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { Accept: "application/json", "X-Autosave": "1" },
        credentials: "same-origin",
      });
      let response;
      try {
        response = await inFlight;
      } catch (error) {
        show(message("offline"), "error");
        schedule(RETRY_DELAY_MS);
        return;
      } finally {
        inFlight = null;
      }
      const data = await response.json().catch(() => ({}));
      if (response.ok) {
        baseVersion.value = data.version;
        if (textarea.value === sent) {
          dirty = false;
          dropDraft();
        } else {
          storeDraft();
        }
        show(message("saved", data.saved_at), "saved");
      } else if (response.status === 409) {
        // Someone saved a newer version: show both texts side by side (the server's
        // conflict page), never overwrite theirs. The draft stays in local storage.
        show(message("conflict"), "error");
        leaving = true;
        form.requestSubmit();
      } else if (response.status >= 500) {
        show(message("offline"), "error");
        schedule(RETRY_DELAY_MS);
      } else {
        show(message("refused", (data.errors || []).join(" ")), "error");
      }
    }

    textarea.addEventListener("input", () => {
      dirty = true;
      storeDraft();
      show(message("unsaved"), "unsaved");
      schedule(SAVE_DELAY_MS);
    });
    form.addEventListener("submit", () => {
      leaving = true;
      storeDraft();
    });
    window.addEventListener("beforeunload", (event) => {
      if (dirty && !leaving) event.preventDefault();
    });

    offerDraft(form, textarea, storageKey, dropDraft, () => {
      dirty = true;
      show(message("unsaved"), "unsaved");
      schedule(0);
    });
  }

  // Text kept from an earlier visit whose save did not succeed: offer it back.
  // After a plain-form save the server redirects to #note-saved: the draft is safe to drop.
  function offerDraft(form, textarea, storageKey, dropDraft, restored) {
    if (window.location.hash === "#note-saved") {
      dropDraft();
      history.replaceState(null, "", window.location.pathname + window.location.search + "#note");
      return;
    }
    let draft = null;
    try { draft = JSON.parse(localStorage.getItem(storageKey)); } catch (error) { draft = null; }
    if (!draft || typeof draft.text !== "string") return;
    if (draft.text === textarea.value) { dropDraft(); return; }
    const template = document.getElementById("draft-offer-template");
    const offer = template.content.firstElementChild.cloneNode(true);
    offer.querySelector("[data-draft-time]").textContent =
      new Date(draft.at).toLocaleString(document.documentElement.lang);
    offer.querySelector("[data-draft-text]").textContent = draft.text;
    offer.querySelector("[data-draft-restore]").addEventListener("click", () => {
      textarea.value = draft.text;
      offer.remove();
      textarea.focus();
      restored();
    });
    offer.querySelector("[data-draft-discard]").addEventListener("click", () => {
      dropDraft();
      offer.remove();
      textarea.focus();
    });
    form.before(offer);
    offer.focus();
  }

  document.querySelectorAll("form[data-note-editor]").forEach(setUp);
})();
