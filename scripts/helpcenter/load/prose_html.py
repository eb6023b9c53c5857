"""Prose is content, not code: what a page's Markdown may become, checked before the build.

An editor's Markdown (and any HTML written in it) is rendered as MkDocs will render it, then
passed through nh3 (the ammonia sanitiser) with the allow-list below. Whatever the sanitiser
would remove stops the build with one line naming the file and line: a `<script>`, an event
attribute, a `javascript:` or `data:` address, an `<iframe>`, a `<style>`, an HTML comment (an
internal note would reach the page's source). Then no image or other resource may come from
another host (the site makes no third-party request), and a link may leave the site only for a
host listed in docs/data/site.yml (`link_hosts`). Merge-conflict markers stop the build too.
"""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urlsplit

import markdown

from helpcenter import cache
from helpcenter.errors import DataError
from helpcenter.load.content import CONFLICT, code_lines

# What a help article's prose needs: text, lists, links, quotes, code, tables, admonitions
# (div/p with classes), details, images from this site, and the inline SVG of Material's icons;
# headings (a cause page's are checked in content.py: section markers only).
TAGS = {"p", "br", "hr", "a", "em", "strong", "b", "i", "s", "del", "ins", "mark", "small", "sub", "sup",
        "code", "kbd", "pre", "blockquote", "q", "abbr", "ul", "ol", "li", "dl", "dt", "dd", "h1", "h2", "h3", "h4",
        "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "caption", "div", "span", "details", "summary",
        "img", "figure", "figcaption", "svg", "path"}
ATTRIBUTES = {"*": {"class", "id", "lang", "dir", "title"}, "a": {"href"}, "img": {"src", "alt", "width", "height"},
              "ol": {"start"}, "th": {"colspan", "rowspan"}, "td": {"colspan", "rowspan"}, "details": {"open"},
              "svg": {"xmlns", "viewBox", "viewbox", "width", "height", "aria-hidden"}, "path": {"d"}}
SCHEMES = {"https", "http", "mailto"}
# An address as browsers read it: a scheme, then any number of slashes or backslashes before
# the host (`https:\\evil`, `///evil`, `http:evil`).
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


class ProseChecker:
    """Renders prose with the site's Markdown extensions (`config`: the loaded MkDocs config)."""

    def __init__(self, config, link_hosts: tuple[str, ...]):
        self.md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
        site_host = urlsplit(config.site_url or "").hostname
        self.link_hosts = set(link_hosts) | ({site_host} if site_host else set())
        # What a verdict depends on besides the prose: these rules, the extensions, the hosts.
        self.rules = "\n".join([Path(__file__).read_text(encoding="utf-8"), repr(config.markdown_extensions),
                                 repr(sorted(self.link_hosts)), version("markdown"), version("nh3")])

    def check(self, body: str, first_line: int, name: str) -> None:
        """Stops at the first fault with one line; prose found clean once is not checked again
        (helpcenter/cache.py): the line numbers in a message are the only part that moves."""
        cache.kept("prose", self.rules + "\n" + body, lambda: self._check(body, first_line, name))

    def _check(self, body: str, first_line: int, name: str) -> bytes:
        def fail(message: str, *needles: str) -> DataError:
            return DataError(f"{name}: line {_line_of(body, first_line, needles)}: {message}")

        for n, line, is_code in code_lines(body):
            if not is_code and CONFLICT.match(line):
                raise DataError(f"{name}: line {first_line + n - 1}: a merge-conflict marker "
                                f"('{line.strip()[:7]}'); resolve the conflict")
        try:
            html = self.md.reset().convert(body)
        except RecursionError:  # Python-Markdown recurses once per level of nesting
            lines = body.splitlines()
            deepest = max(range(len(lines)), key=lambda i: len(lines[i]) - len(lines[i].lstrip()))
            raise DataError(f"{name}: line {first_line + deepest}: lists or quotes nested too deep to render; "
                            "flatten them") from None
        # Imported here: a build whose prose is all checked already (cache.py) needs neither.
        import nh3
        from bs4 import BeautifulSoup, CData, Comment, Declaration, Doctype, ProcessingInstruction

        before = BeautifulSoup(html, "html.parser")
        # Markup that is neither element nor text: it would reach the page's source as written.
        hidden_kinds = (Comment, ProcessingInstruction, CData, Doctype, Declaration)
        for hidden in before.find_all(string=lambda s: isinstance(s, hidden_kinds)):
            if isinstance(hidden, Comment) and hidden.find_parent("svg") and hidden.startswith("!"):
                continue  # an icon's licence note (Material's icon shortcodes)
            kinds: dict[type, str] = {Comment: "an HTML comment", CData: "a CDATA section", Doctype: "a DOCTYPE",
                                      ProcessingInstruction: "a processing instruction (<?…?>)"}
            openers: dict[type, str] = {Comment: "<!--", CData: "<![CDATA["}
            opener = openers.get(type(hidden), "<!" if isinstance(hidden, Doctype) else "<?")
            raise fail(f"{kinds.get(type(hidden), 'a declaration')} would be published in the page's source; "
                       "remove it (keep notes outside docs/)", opener, hidden.strip()[:20])
        after = BeautifulSoup(nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=SCHEMES,
                                        link_rel=None, strip_comments=True), "html.parser")
        kept = iter(after.find_all(True))
        here = next(kept, None)
        for element in before.find_all(True):
            if here is None or here.name != element.name:
                raise fail(f"<{element.name}> is not allowed in prose", f"<{element.name}", *_values(element))
            for attribute, value in element.attrs.items():
                if attribute not in here.attrs:
                    shown = value if isinstance(value, str) else " ".join(value)
                    raise fail(f"{attribute}=\"{shown[:40]}\" on <{element.name}> is not allowed in prose",
                               shown, shown.split(":")[0] + ":", shown.split(":")[0], attribute)
            here = next(kept, None)
        for box in after.select("div.admonition"):
            content = [child for child in box.find_all(True, recursive=False)
                       if "admonition-title" not in _classes(child)]
            if not content:
                title = box.select_one(".admonition-title")
                raise fail("an admonition with no text: indent its text by four spaces under the '!!!' line",
                           "!!! " + " ".join(c for c in _classes(box) if c != "admonition"),
                           title.get_text() if title else "!!!")
        for element in after.find_all(["a", "img"]):
            url = str(element.get("href") or element.get("src") or "")
            if "\\" in url:
                raise fail(f"the address '{url[:60]}' holds a backslash, which browsers read as '/'; "
                           "write the address plainly", url.split("\\")[0] or url)
            host = _host(url)
            if host is None:
                continue
            if element.name == "img":
                raise fail(f"an image from another host ({host}) would be requested by every reader; "
                           "put the file in docs/ or remove it", url, str(element.get("title") or url))
            if host not in self.link_hosts:
                raise fail(f"link to another host ({host}): add the host to 'link_hosts' in "
                           "docs/data/site.yml if readers should go there", url)
        return b"clean"


def _classes(element) -> list[str]:
    value = element.get("class") or []
    return [value] if isinstance(value, str) else list(value)


def _host(url: str) -> str | None:
    """The host a browser would go to from `url` on an http(s) page, or None for an address in
    this site. For http(s), browsers skip any number of slashes after the scheme, or none."""
    match = _SCHEME.match(url)
    if match:
        if match[1].lower() not in ("http", "https"):
            return None  # mailto: (nh3 lets no other scheme through)
        rest = url[match.end():]
    elif url.startswith("//"):
        rest = url
    else:
        return None
    authority = re.split(r"[/?#]", rest.lstrip("/"), maxsplit=1)[0]
    return authority.rsplit("@", 1)[-1].split(":")[0].lower() or None


def _values(element) -> list[str]:
    return [v if isinstance(v, str) else " ".join(v) for v in element.attrs.values()]


def _line_of(body: str, first_line: int, needles) -> int:
    """The line of `body` holding the first needle found (case-insensitive), or its first line."""
    lowered = body.lower()
    for needle in needles:
        if needle and (at := lowered.find(needle.lower())) != -1:
            return first_line + len(_LINE_END.findall(body, 0, at))
    return first_line


_LINE_END = re.compile(r"\r\n|\r|\n")  # as Markdown reads a file saved on an old Mac, too
