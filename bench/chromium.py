"""Debian's Chromium as Playwright launches it, for the browser tests and the benchmarks alike:
no sandbox (containers), no GPU, and none of its own network traffic or updates."""

CHROMIUM = "/usr/lib/chromium/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
