"""What a person would notice on a page, measured in the browser: controls covering each other
(checked at every scroll position, so sticky parts are caught where they slide), sideways
scrolling, keyboard stops hidden out of sight, faint control borders; and whether the page as
served is valid HTML (the W3C Nu checker)."""

import json
import subprocess
import tempfile
from pathlib import Path

VNU = (
    Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
)

INTERACTIVE = (
    'a[href], button, input:not([type="hidden"]), select, textarea, summary, '
    '[tabindex]:not([tabindex="-1"])'
)

_CHECKS = """async (interactive) => {
  const problems = [];
  const describe = (el) => {
    const text = (el.innerText || el.value || el.getAttribute('aria-label') || '').trim();
    return `<${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}> “${text.slice(0, 40)}”`;
  };
  const clippedAway = (el) => {
    for (let node = el; node && node !== document.body; node = node.parentElement) {
      const style = getComputedStyle(node);
      const box = node.getBoundingClientRect();
      const tiny = box.width <= 1 || box.height <= 1;
      const clips = style.clipPath !== 'none' || style.clip !== 'auto'
        || style.overflow !== 'visible';
      if (tiny && clips) {
        return true;
      }
    }
    const box = el.getBoundingClientRect();
    return box.right <= 0 || box.left >= document.documentElement.scrollWidth;
  };
  const shown = (el) => el.checkVisibility({visibilityProperty: true, opacityProperty: true})
      && !clippedAway(el);

  const sideways = document.documentElement.scrollWidth - document.documentElement.clientWidth;
  if (sideways > 0) problems.push(`the page scrolls sideways by ${sideways}px`);

  // Keyboard stops that stay out of sight even when focused (a skip link shows itself then).
  const elements = [...document.querySelectorAll(interactive)].filter(
    (el) => !el.disabled && !el.closest('[inert]') && el.checkVisibility());
  for (const el of elements) {
    if (clippedAway(el) && el.tabIndex >= 0) {
      el.focus({preventScroll: true});
      if (clippedAway(el)) problems.push(`${describe(el)} takes keyboard focus out of sight`);
      el.blur();
    }
  }

  // Form controls' borders against what is around them (WCAG 1.4.11: 3:1).
  const rgba = (colour) => {
    const parts = colour.match(/[\\d.]+/g).map(Number);
    return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
  };
  const over = ([r, g, b, a], [R, G, B]) =>
    [r * a + R * (1 - a), g * a + G * (1 - a), b * a + B * (1 - a)];
  const background = (el) => {
    const layers = [];
    for (let node = el; node; node = node.parentElement) {
      const colour = rgba(getComputedStyle(node).backgroundColor);
      if (colour[3] > 0) layers.push(colour);
      if (colour[3] === 1) break;
    }
    return layers.reverse().reduce((below, layer) => over(layer, below), [255, 255, 255]);
  };
  const luminance = (rgb) => {
    const [r, g, b] = rgb.map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a, b) => {
    const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (light + 0.05) / (dark + 0.05);
  };
  for (const el of document.querySelectorAll('.form-control, .form-select, .form-check-input')) {
    if (el.disabled || !shown(el)) continue;
    const style = getComputedStyle(el);
    const behind = background(el.parentElement);
    const border = over(rgba(style.borderTopColor), behind);
    const ratio = contrast(border, behind);
    if (parseFloat(style.borderTopWidth) < 1 || ratio < 3) {
      problems.push(`${describe(el)} has a border of ${ratio.toFixed(2)}:1 against its background`);
    }
  }

  // Interactive elements covering each other, at every scroll position.
  const overlaps = new Set();
  const boxesOf = (el) => {
    const style = getComputedStyle(el);
    return style.display.startsWith('inline') && !style.display.includes('block')
      ? [...el.getClientRects()] : [el.getBoundingClientRect()];
  };
  const step = Math.max(200, Math.floor(window.innerHeight * 0.75));
  for (let y = 0; ; y += step) {
    window.scrollTo(0, y);
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const inView = [];
    for (const el of elements) {
      if (!shown(el)) continue;
      const boxes = boxesOf(el).filter((box) => box.width >= 1 && box.height >= 1
          && box.bottom > 0 && box.top < window.innerHeight);
      if (boxes.length) inView.push([el, boxes]);
    }
    for (let i = 0; i < inView.length; i++) {
      for (let j = i + 1; j < inView.length; j++) {
        const [a, boxesA] = inView[i];
        const [b, boxesB] = inView[j];
        if (a.contains(b) || b.contains(a) || (a.labels && [...a.labels].includes(b))) continue;
        const hit = boxesA.some((p) => boxesB.some((q) =>
          Math.min(p.right, q.right) - Math.max(p.left, q.left) > 2
          && Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top) > 2));
        if (hit) {
          overlaps.add(`${describe(a)} overlaps ${describe(b)} (scrolled to ${window.scrollY}px)`);
        }
      }
    }
    if (window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1) break;
  }
  window.scrollTo(0, 0);
  return problems.concat([...overlaps]);
}"""


def layout_problems(page):
    """What is wrong with the page's layout at the current width, in words; [] when nothing."""
    return page.evaluate(_CHECKS, INTERACTIVE)


def html_errors(documents):
    """The Nu checker's errors for each HTML document ({name: html}), as {name: [message]}.
    One Java run checks them all."""
    with tempfile.TemporaryDirectory() as folder:
        files = {}
        for name, html in documents.items():
            path = Path(folder) / f"{len(files)}.html"
            path.write_text(html, encoding="utf-8")
            files[path.name] = name
        command = ["java", "-jar", str(VNU), "--errors-only", "--format", "json"]
        run = subprocess.run(  # noqa: S603
            command + [str(path) for path in Path(folder).iterdir()],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    errors = {name: [] for name in documents}
    for message in json.loads(run.stderr or run.stdout)["messages"]:
        name = files.get(message.get("url", "").rpartition("/")[2], "?")
        extract = message.get("extract", "").strip()[:80]
        errors.setdefault(name, []).append(
            f"line {message.get('lastLine')}: {message['message']} ({extract})"
        )
    return errors
