// While a workbook is being prepared, ask quietly whether it is ready, and start the download
// when it is. Without JavaScript the page's download button asks again.
document.addEventListener("DOMContentLoaded", () => {
  const status = document.querySelector("[data-workbook-status]");
  if (!status) {
    return;
  }
  const url = status.dataset.pollUrl;

  const poll = async () => {
    let response;
    try {
      response = await fetch(url, { method: "HEAD", cache: "no-store" });
    } catch {
      setTimeout(poll, 5000); // offline for a moment: keep trying, less often
      return;
    }
    if (response.status === 202) {
      setTimeout(poll, 1500);
    } else if (response.ok) {
      status.querySelector("[data-preparing]").hidden = true;
      status.querySelector("[data-ready]").hidden = false;
      window.location.assign(url);
    } else {
      window.location.reload(); // the render failed: the page explains and offers a retry
    }
  };
  setTimeout(poll, 1000);
});
