"""Build the site and screenshot pages at desktop and phone width, light and dark; and the
"did this solve your problem?" widget after a "no" (feedback-*), and the help team's report over
sample events (report-*).

    python -m helpcenter screenshots [OUT_DIR]     (default: screenshots/)
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from helpcenter import PROJECT as ROOT
from helpcenter.tools import build_site, command_parser, report
from helpcenter.tools.benchmark_events import synthetic
from helpcenter.tools.browser import launch
from helpcenter.tools.localserver import serve_directory

# name: (path, answers clicked in the troubleshooter's wizard first)
MIDDLE = ["unsure", "no", "no"]  # not sure it is only this item; no notice; account fine
END = ["unsure", "no", "no", "no", "unsure", "unsure"]  # the causes still possible
PAGES = {"home-zh": ("", []), "home-en": ("en/", []),
         "cause-zh": ("causes/installment-limit/", []), "cause-en": ("en/causes/installment-limit/", []),
         "tree-middle-zh": ("troubleshoot/", MIDDLE), "tree-middle-en": ("en/troubleshoot/", MIDDLE),
         "tree-end-zh": ("troubleshoot/", END), "tree-end-en": ("en/troubleshoot/", END),
         "contact-zh": ("contact/", []), "contact-en": ("en/contact/", []),
         "agents-en": ("en/agents/", [])}
VIEWPORTS = {"desktop": (1280, 900), "phone": (390, 844)}

# A full-page capture paints only what is near the viewport: parts the site lays out lazily
# (content-visibility: auto, such as the agent page's replies) would come out blank. For the
# capture only, they are laid out like the rest.
SHOW_ALL = """() => {
  for (const el of document.querySelectorAll("body *")) {
    if (getComputedStyle(el).contentVisibility === "auto") el.style.contentVisibility = "visible";
  }
}"""


def main(argv: list[str] | None = None) -> int:
    parser = command_parser("screenshots", __doc__)
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "screenshots", help="default: screenshots/")
    out = parser.parse_args(argv).out
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as site, tempfile.TemporaryDirectory() as logs:
        build_site(Path(site))
        synthetic(Path(logs) / "events.log", 5000)
        report.main(["--logs", logs, "--out", str(Path(logs) / "report")])
        with serve_directory(Path(site)) as base, serve_directory(Path(logs) / "report") as report_base, \
                sync_playwright() as p:
            browser = launch(p)
            for scheme in ("light", "dark"):
                for view, (width, height) in VIEWPORTS.items():
                    touch = view == "phone"  # a touch screen, as phones have (no hover)
                    page = browser.new_page(viewport={"width": width, "height": height}, color_scheme=scheme,
                                            is_mobile=touch, has_touch=touch)
                    for name, (path, answers) in PAGES.items():
                        page.goto(base + path)
                        for answer in answers:
                            page.locator(f".hc-wizard button[data-answer={answer}]").click()
                        page.evaluate(SHOW_ALL)
                        target = out / f"{name}-{view}-{scheme}.png"
                        page.screenshot(path=str(target), full_page=True)
                        print(target)
                    for lang, prefix in (("zh", ""), ("en", "en/")):
                        page.goto(f"{base}{prefix}causes/installment-limit/")
                        widget = page.locator("[data-hc-feedback]")
                        widget.locator("button[data-vote=no]").click()
                        target = out / f"feedback-{lang}-{view}-{scheme}.png"
                        widget.screenshot(path=str(target))
                        print(target)
                        page.evaluate("localStorage.clear()")
                    page.goto(report_base + "zh/index.html")
                    target = out / f"report-zh-{view}-{scheme}.png"
                    page.screenshot(path=str(target), full_page=True)
                    print(target)
                    page.close()
            browser.close()
    return 0
