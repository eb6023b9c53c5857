"""Safe to publish: what an editor pastes into prose cannot run, leak or load another host; files
below docs/ are the ones the site reads; invisible characters, config slips, odd clocks and
shallow clones are one line each; the preview serves any path and stops cleanly.

Each case is checked in-process (load_project, the checks on_config runs, on a copy of the
project); a real build only where MkDocs itself answers (an unknown plugin). The shared build
shows that a pasted script reaches neither the site nor its Content-Security-Policy, and that no
page requests another host.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from helpcenter.errors import DataError
from helpcenter.project import load_project
from helpcenter.publish.dates import SourceDates
from helpcenter.tools.nginx import free_port
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from support.projects import apply_change, expected_line, run_build
from support.system import require

PAGE = "docs/causes/fq-02.md"
PAGE_EN = "docs/causes/fq-02.en.md"
FIX = "## {#fix}\n"


def prose(text: str, page: str = PAGE) -> tuple:
    """`text` pasted as a paragraph of its own at the top of the page's `fix` section."""
    return (page, FIX, f"{FIX}\n{text}\n\n")


def refused(what: str, needle: str, page: str = PAGE) -> str:
    return f"{page}: line {{{needle}}}: {what}"


OTHER_HOST = "link to another host ({host}): add the host to 'link_hosts' in docs/data/site.yml if readers should go there"
IMAGE_HOST = ("an image from another host ({host}) would be requested by every reader; put the file in docs/ or "
              "remove it")

# name: (change..., the one line expected). A change is (file, old, new) or a callable.
CASES = {
    # code in prose
    "an inline script": (*prose("<script>alert(1)</script>"), refused("<script> is not allowed in prose", "<script>")),
    "a script in capitals": (*prose("<SCRIPT SRC=x.js></SCRIPT>"), refused("<script> is not allowed in prose", "<SCRIPT")),
    "a script inside a paragraph": (*prose("步骤一 <script>steal()</script> 完成"),
                                    refused("<script> is not allowed in prose", "steal()")),
    "an event attribute": (*prose('<b onclick="x()">点这里</b>'),
                           refused('onclick="x()" on <b> is not allowed in prose', "onclick")),
    "an event attribute by attr_list": (*prose('**点这里**{ onmouseover="x()" }'),
                                        refused('onmouseover="x()" on <strong> is not allowed in prose', "onmouseover")),
    "a style attribute": (*prose('<span style="background:url(https://t.example/x)">看</span>'),
                          refused('style="background:url(https://t.example/x)" on <span> is not allowed in prose',
                                  "style=")),
    "a javascript: link": (*prose("[点这里](javascript:alert(1))"),
                           refused('href="javascript:alert(1)" on <a> is not allowed in prose', "javascript:")),
    "a JavaScript: link in mixed case": (*prose('<a href="JaVaScRiPt:alert(1)">x</a>'),
                                         refused('href="JaVaScRiPt:alert(1)" on <a> is not allowed in prose', "JaVaScRiPt")),
    "a javascript: link by reference": (*prose("[点这里][x]\n\n[x]: javascript:alert(1)"),
                                        refused('href="javascript:alert(1)" on <a> is not allowed in prose', "javascript:")),
    "a data: link": (*prose("[看](data:text/html;base64,PHNjcmlwdD4=)"),
                     refused('href="data:text/html;base64,PHNjcmlwdD4=" on <a> is not allowed in prose', "data:")),
    "a data: image": (*prose('<img src="data:image/png;base64,iVBORw0KGgo=" alt="x">'),
                      refused('src="data:image/png;base64,iVBORw0KGgo=" on <img> is not allowed in prose', "data:")),
    "an iframe": (*prose('<iframe src="https://video.example.com/x"></iframe>'),
                  refused("<iframe> is not allowed in prose", "<iframe")),
    "a style element": (*prose("<style>@import url(https://css.example.com/a.css);</style>"),
                        refused("<style> is not allowed in prose", "<style>")),
    "an object": (*prose('<object data="https://x.example.com/a.swf"></object>'),
                  refused("<object> is not allowed in prose", "<object")),
    "an embed": (*prose('<embed src="https://x.example.com/a.swf">'), refused("<embed> is not allowed in prose", "<embed")),
    "a form": (*prose('<form action="https://x.example.com/"><input name="q"></form>'),
               refused("<form> is not allowed in prose", "<form")),
    "a meta refresh": (*prose('<meta http-equiv="refresh" content="0; url=https://x.example.com/">'),
                       refused("<meta> is not allowed in prose", "<meta")),
    "a base element": (*prose('<base href="https://x.example.com/">'), refused("<base> is not allowed in prose", "<base")),
    "a stylesheet link": (*prose('<link rel="stylesheet" href="https://css.example.com/a.css">'),
                          refused("<link> is not allowed in prose", "<link")),
    "an svg with a script": (*prose('<svg><script>alert(1)</script></svg>'),
                             refused("<script> is not allowed in prose", "<svg>")),
    "an svg with onload": (*prose('<svg onload="alert(1)"></svg>'),
                           refused('onload="alert(1)" on <svg> is not allowed in prose', "onload")),
    "an article element (the page's own frame)": (*prose("<article>x</article>"),
                                                  refused("<article> is not allowed in prose", "<article>")),
    "an entity in the scheme": (*prose("[x](javascript&colon;alert`1`)"),
                                refused('href="javascript:alert1" on <a> is not allowed in prose', "javascript&colon;")),
    "in the English page": (*prose("<script>alert(2)</script>", PAGE_EN),
                            refused("<script> is not allowed in prose", "<script>", PAGE_EN)),
    # resources and links to other hosts
    "a Markdown image from another host": (*prose("![截图](https://img.example.com/a.png)"),
                                           refused(IMAGE_HOST.format(host="img.example.com"), "img.example.com")),
    "an <img> from another host": (*prose('<img src="https://img.example.com/a.png" alt="截图">'),
                                   refused(IMAGE_HOST.format(host="img.example.com"), "img.example.com")),
    "a protocol-relative image": (*prose("![截图](//img.example.com/a.png)"),
                                  refused(IMAGE_HOST.format(host="img.example.com"), "img.example.com")),
    "an image by reference": (*prose("![截图][s]\n\n[s]: https://img.example.com/s.png"),
                              refused(IMAGE_HOST.format(host="img.example.com"), "img.example.com")),
    "an emoji shortcode drawn from a CDN": (*prose("注意 :warning: 这一点"),
                                            refused(IMAGE_HOST.format(host="cdn.jsdelivr.net"), ":warning:")),
    "a link to another host": (*prose("见[这里](https://bank.example.com/help)"),
                               refused(OTHER_HOST.format(host="bank.example.com"), "bank.example.com")),
    "an autolink to another host": (*prose("<https://bank.example.com/>"),
                                    refused(OTHER_HOST.format(host="bank.example.com"), "bank.example.com")),
    "a raw link to another host": (*prose('<a href="http://bank.example.com/">银行</a>'),
                                   refused(OTHER_HOST.format(host="bank.example.com"), "bank.example.com")),
    # addresses as browsers read them (found by a held-out tester)
    "three slashes": (*prose("[帮助](///evil.example/)"), refused(OTHER_HOST.format(host="evil.example"), "evil.example")),
    "a scheme without slashes": (*prose("[帮助](http:evil.example)"),
                                 refused(OTHER_HOST.format(host="evil.example"), "evil.example")),
    "one slash after the scheme, in capitals": (*prose("[x](HTTPS:/evil.example/)"),
                                                refused(OTHER_HOST.format(host="evil.example"), "evil.example")),
    "an image with a scheme and no slashes": (*prose("![x](http:evil.example/x.png)"),
                                              refused(IMAGE_HOST.format(host="evil.example"), "evil.example")),
    "a backslash for a slash": (*prose('<a href="https:\\evil.example/">x</a>'),
                                refused("the address 'https:\\evil.example/' holds a backslash, which browsers read "
                                        "as '/'; write the address plainly", "https:")),
    "a backslash before a listed host": (*prose('<a href="https://evil.example\\@www.mi.com/">小米</a>'),
                                         refused("the address 'https://evil.example\\@www.mi.com/' holds a backslash, "
                                                 "which browsers read as '/'; write the address plainly", "evil.example")),
    # text that must not go public
    "an HTML comment with a note": (*prose("<!-- 内部备注：下周再改 -->"),
                                    refused("an HTML comment would be published in the page's source; remove it "
                                            "(keep notes outside docs/)", "<!--")),
    "a comment inside a paragraph": (*prose("先还款 <!-- TODO 核实 --> 再试"),
                                     refused("an HTML comment would be published in the page's source; remove it "
                                             "(keep notes outside docs/)", "TODO")),
    "a processing instruction": (*prose("<?note test card 4111 ?>"),
                                 refused("a processing instruction (<?…?>) would be published in the page's source; "
                                         "remove it (keep notes outside docs/)", "<?note")),
    "a CDATA section": (*prose("<![CDATA[ test card 4111 ]]>"),
                        refused("a CDATA section would be published in the page's source; remove it "
                                "(keep notes outside docs/)", "CDATA")),
    "a DOCTYPE": (*prose("<!DOCTYPE secret test card 4111>"),
                  refused("a DOCTYPE would be published in the page's source; remove it (keep notes outside docs/)",
                          "DOCTYPE")),
    "a diff3 common-ancestor marker": (*prose("||||||| merged common ancestors\n1. 先还款"),
                                       refused("a merge-conflict marker ('|||||||'); resolve the conflict", "|||||||")),
    "lists nested hundreds deep": (*prose("\n".join("    " * i + "- x" for i in range(300))),
                                   refused("lists or quotes nested too deep to render; flatten them", "    " * 299 + "- x")),
    "a note left as a page": (lambda p: (p / "docs/notes.md").write_text("# Notes\n\nsecret draft\n"),
                              "docs/notes.md: not a page this site makes (its pages are the causes in docs/causes/ and "
                              "the generated pages); keep notes outside docs/"),
    "a copy of a stub": (lambda p: (p / "docs/contact (1).md").write_text("x\n"),
                         "docs/contact (1).md: not a page this site makes (its pages are the causes in docs/causes/ "
                         "and the generated pages); keep notes outside docs/"),
    "a text file in docs": (lambda p: (p / "docs/notes.txt").write_text("secret\n"),
                            "docs/notes.txt: not a file this site publishes (pages and images only); keep it outside docs/"),
    "conflict markers": (*prose("<<<<<<< HEAD\n先还款\n=======\n再试\n>>>>>>> other"),
                         refused("a merge-conflict marker ('<<<<<<<'); resolve the conflict", "<<<<<<<")),
    "a lone closing conflict marker": (*prose(">>>>>>> feature/fix"),
                                       refused("a merge-conflict marker ('>>>>>>>'); resolve the conflict", ">>>>>>>")),
    "a lone conflict separator": (*prose("先还款\n\n=======\n"),
                                  refused("a merge-conflict marker ('======='); resolve the conflict", "=======")),
    "an admonition without its text indented": (*prose("!!! warning \"注意\"\n先还款再试。"),
                                                refused("an admonition with no text: indent its text by four spaces "
                                                        "under the '!!!' line", "!!! warning")),
    # files below docs/ under other names
    "a translation saved as .markdown": (
        lambda p: (p / PAGE_EN).rename(p / "docs/causes/fq-02.en.markdown"),
        "docs/causes/fq-02.en.markdown: not a cause page this site reads; did you mean docs/causes/fq-02.en.md?"),
    "a translation with its language in capitals": (
        lambda p: (p / PAGE_EN).rename(p / "docs/causes/fq-02.EN.md"),
        "docs/causes/fq-02.EN.md: not a cause page this site reads; did you mean docs/causes/fq-02.en.md?"),
    "a translation named with a dash": (
        lambda p: (p / PAGE_EN).rename(p / "docs/causes/fq-02-en.md"),
        "docs/causes/fq-02-en.md: not a cause page this site reads; did you mean docs/causes/fq-02.en.md?"),
    "a data file under a near name": (
        lambda p: (p / "docs/data/troubleshooter.yml").rename(p / "docs/data/troubleshoot.yml"),
        "docs/data/troubleshoot.yml: not a data file this site reads; did you mean docs/data/troubleshooter.yml?"),
    "a data file saved as .yaml": (
        lambda p: (p / "docs/data/support.yml").rename(p / "docs/data/support.yaml"),
        "docs/data/support.yaml: not a data file this site reads; did you mean docs/data/support.yml?"),
    # invisible characters, named
    "an ideographic space in YAML indentation": (
        "docs/data/causes.yml", "    slug: installment-limit", "\u3000\u3000slug: installment-limit",
        "docs/data/causes.yml: line {slug: installment-limit}: U+3000 ideographic space in the indentation; "
        "indent with ordinary spaces"),
    "a no-break space in YAML indentation": (
        "docs/data/support.yml", "channels: []", "channels:\n\u00a0 - id: x",
        "docs/data/support.yml: line {- id: x}: U+00A0 no-break space in the indentation; indent with ordinary spaces"),
    "a tab in YAML indentation": (
        "docs/data/site.yml", "  tr_title:\n", "\ttr_title:\n",
        "docs/data/site.yml: line {tr_title:}: U+0009 tab in the indentation; indent with ordinary spaces"),
    "a zero-width space before a key": (
        "docs/data/troubleshooter.yml", "start: some-items", "\u200bstart: some-items",
        "docs/data/troubleshooter.yml: line {start: some-items}: U+200B zero-width space in the indentation; "
        "indent with ordinary spaces"),
    "an ideographic space in front matter": (
        "docs/contact.md", "generate: contact", "\u3000generate: contact",
        "docs/contact.md: line {generate: contact}: U+3000 ideographic space in the indentation; "
        "indent with ordinary spaces"),
    "the Chinese stub of a page missing": (
        lambda p: (p / "docs/contact.md").unlink(),
        "docs/contact.md: missing: the 'contact' page in zh (a stub like docs/contact.en.md)"),
    # config slips
    "the i18n plugin removed": (
        "mkdocs.yml", "  - i18n:\n", "  - i18n_removed_by_mistake:\n",
        None),  # MkDocs itself refuses an unknown plugin, before the hooks: checked below
    "a language turned off": (
        "mkdocs.yml", "        - locale: en\n          name: English\n          build: true",
        "        - locale: en\n          name: English\n          build: false",
        "mkdocs.yml: plugins: i18n: languages: en: 'build: false' is not supported: the data and pages are "
        "written for every language; to drop one, remove it from mkdocs.yml and from the data"),
    "directory URLs turned off": (
        "mkdocs.yml", "docs_dir: docs\n", "docs_dir: docs\nuse_directory_urls: false\n",
        "mkdocs.yml: 'use_directory_urls' must stay true: the short links (go/fq-02/) and every published "
        "address are folders"),
    "a link host that is not a host": (
        "docs/data/site.yml", "link_hosts: []", "link_hosts: [https://bank.example.com/]",
        "docs/data/site.yml: 'link_hosts': 'https://bank.example.com/' is not a host name (write it as example.com)"),
}


@pytest.mark.parametrize("case", [c for c in CASES if CASES[c][-1] is not None], ids=str)
def test_each_case_is_one_line(project, case, monkeypatch):
    *change, message = CASES[case]
    apply_change(project, change)
    monkeypatch.chdir(project)
    with pytest.raises(DataError) as caught:
        load_project(load_config(str(project / "mkdocs.yml")))
    assert str(caught.value) == expected_line(project, message)


def test_a_listed_host_may_be_linked_and_safe_markup_passes(project, monkeypatch):
    apply_change(project, ("docs/data/site.yml", "link_hosts: []", "link_hosts: [bank.example.com]"))
    apply_change(project, prose("见[银行的说明](https://bank.example.com/help)，或 <kbd>Ctrl</kbd>+<kbd>F</kbd>。\n\n"
                                  "<details><summary>更多</summary>\n\n先还款。\n\n</details>\n\n"
                                  "!!! note \"注意\"\n    先还款再试。\n\n[写信](mailto:help@example.com)，"
                                  "[联系客服](https://help.example.com/contact/) :material-alert: :fontawesome-brands-weixin:"))
    monkeypatch.chdir(project)
    load_project(load_config(str(project / "mkdocs.yml")))


def test_an_unknown_plugin_stops_the_build_with_one_line(project):
    """MkDocs' own check of mkdocs.yml, before any hook runs: a real build says it in one line."""
    apply_change(project, CASES["the i18n plugin removed"][:-1])
    result = run_build(project, project / "site")
    assert result.returncode != 0
    assert "Traceback" not in result.log, result.log
    errors = [line for line in result.log.splitlines() if line.startswith(("ERROR", "Error", "Config value"))]
    assert len(errors) >= 1 and any("i18n_removed_by_mistake" in line for line in errors), result.log
    assert not (project / "site").exists()


def test_editor_files_are_not_published(project, monkeypatch):
    """Backups and swap files (emacs, vim, merge tools) and a README for editors stay out."""
    names = ["causes/fq-02.en.md~", "causes/#fq-03.md#", "causes/.#fq-03.md", "causes/.fq-02.md.swp",
             "causes/fq-02.md.orig", "causes/fq-02.md.bak", "causes/fq-02.md.rej", "README.md",
             "causes/README.md", "causes/fq-02_BASE_1234.md", "Thumbs.db", "causes/desktop.ini"]
    for name in names:
        (project / "docs" / name).write_text("# 内部草稿\n", encoding="utf-8")
    config = load_config(str(project / "mkdocs.yml"))
    published = {f.src_uri for f in get_files(config) if not f.inclusion.is_excluded()}
    assert published.isdisjoint(names)
    monkeypatch.chdir(project)
    load_project(config)  # and none of them is an error


def test_a_bad_source_date_epoch_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "2024-05-31")
    with pytest.raises(DataError) as caught:
        SourceDates(tmp_path)
    assert str(caught.value) == ("SOURCE_DATE_EPOCH: '2024-05-31' is not a time (whole seconds since 1970, "
                                 "as `git log -1 --format=%ct` prints it)")


def git(*args, cwd, when: int | None = None):
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.com"}
    if when:
        env |= {"GIT_AUTHOR_DATE": f"@{when} +0000", "GIT_COMMITTER_DATE": f"@{when} +0000"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True)


def test_a_shallow_clone_is_deepened_or_stops(tmp_path):
    """Dates come from history: a shallow clone fetches the rest from its origin; without one it
    stops with one line instead of dating every page by the newest commit."""
    origin = tmp_path / "origin"
    origin.mkdir()
    git("init", "-q", cwd=origin)
    for n in range(3):
        (origin / f"f{n}.md").write_text(str(n))
        git("add", "-A", cwd=origin)
        git("commit", "-qm", f"c{n}", cwd=origin, when=1_700_000_000 + n * 86400)
    clone = tmp_path / "clone"
    git("clone", "-q", "--depth", "1", f"file://{origin}", str(clone), cwd=tmp_path)
    dates = SourceDates(clone)
    assert git("rev-parse", "--is-shallow-repository", cwd=clone).stdout.strip() == "false"
    assert dates.changed([clone / "f0.md"]).isoformat() == "2023-11-14"  # its own commit, not the newest
    lonely = tmp_path / "lonely"
    git("clone", "-q", "--depth", "1", f"file://{origin}", str(lonely), cwd=tmp_path)
    git("remote", "remove", "origin", cwd=lonely)
    with pytest.raises(DataError, match=r"^this checkout is a shallow clone, and its history could not be fetched"):
        SourceDates(lonely)


def test_pasted_code_reaches_neither_the_site_nor_its_policy(tmp_path, site):
    """A script that got past the checks (written into a built page's content by hand here) is
    not trusted by the Content-Security-Policy: its hash comes only from the theme's frame."""
    from helpcenter.publish.serving import security_headers

    copy = tmp_path / "site"
    subprocess.run(["cp", "-r", str(site), str(copy)], check=True)
    page = copy / "causes/installment-limit/index.html"
    html = page.read_text(encoding="utf-8")
    pasted = "alert(document.cookie)"
    page.write_text(html.replace("</article>", f"<script>{pasted}</script></article>", 1), encoding="utf-8")
    import base64
    import hashlib
    digest = base64.b64encode(hashlib.sha256(pasted.encode()).digest()).decode()
    policy = security_headers(copy)["Content-Security-Policy"]
    assert digest not in policy
    assert policy == security_headers(site)["Content-Security-Policy"]  # the theme's scripts, as before


# Elements that make a browser fetch what these attributes name. (A page's canonical and language
# links are addresses, not requests.)
RESOURCES = {"script": ["src"], "link": ["href"], "img": ["src", "srcset"], "iframe": ["src"], "embed": ["src"],
             "object": ["data"], "source": ["src", "srcset"], "audio": ["src"], "video": ["src", "poster"],
             "track": ["src"], "input": ["src"], "image": ["href", "xlink:href"], "use": ["href", "xlink:href"]}
REMOTE = re.compile(r"^\s*(?:https?:)?//", re.IGNORECASE)
REMOTE_IN_CSS = re.compile(r"url\(\s*['\"]?\s*(?:https?:)?//", re.IGNORECASE)


def test_no_page_requests_another_host(site):
    """On a plain static host (no CSP): no page or stylesheet names a resource on another host."""
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 40
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "@import" not in html and "url(http" not in html, page
        doc = BeautifulSoup(html, "html.parser")
        for tag in doc.find_all(list(RESOURCES)):
            if tag.name == "link" and set(tag.get("rel", [])) & {"canonical", "alternate"}:
                continue
            for attribute in RESOURCES[tag.name]:
                for url in (tag.get(attribute) or "").split(","):  # srcset: "a.png 1x, b.png 2x"
                    assert not REMOTE.match(url), (page, tag.name, url)
        for css in [style.get_text() for style in doc.find_all("style")] + [t["style"] for t in doc.select("[style]")]:
            assert not REMOTE_IN_CSS.search(css), page
    for css in site.rglob("*.css"):
        assert not REMOTE_IN_CSS.search(css.read_text(encoding="utf-8")), css


# -- the preview ------------------------------------------------------------------------------



def start_preview(site: Path, port: int, tmp: Path) -> subprocess.Popen:
    """`make preview`'s server on `site`, its temporary files under `tmp`."""
    return subprocess.Popen([sys.executable, "-m", "helpcenter", "preview", str(site), "--port", str(port)], env={**os.environ, "TMPDIR": str(tmp)},
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def answers(port: int) -> int | None:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
            return response.status
    except OSError:
        return None


def test_the_preview_serves_a_path_with_a_space_and_stops_cleanly(site, tmp_path):
    """A checkout under "My Projects/": served; SIGTERM stops nginx and removes its folder."""
    require("nginx", "libnginx-mod-http-brotli-static")
    spaced = tmp_path / "My Projects" / "site"
    shutil.copytree(site, spaced)
    temp = tmp_path / "tmp"
    temp.mkdir()
    port = free_port()
    preview = start_preview(spaced, port, temp)
    deadline = time.monotonic() + 15
    while answers(port) is None and time.monotonic() < deadline and preview.poll() is None:
        time.sleep(0.1)
    assert answers(port) == 200, preview.stdout.read() if preview.poll() is not None else "no answer"
    preview.send_signal(signal.SIGTERM)
    assert preview.wait(timeout=15) == 0
    assert answers(port) is None  # nginx stopped with it
    assert list(temp.iterdir()) == []  # its folder removed


def test_a_busy_port_is_one_line(site, tmp_path):
    require("nginx", "libnginx-mod-http-brotli-static")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        preview = start_preview(site, port, tmp_path)
        out, _ = preview.communicate(timeout=15)
    assert preview.returncode == 1
    assert out.strip().splitlines() == [f"port {port} is in use: stop what listens there, or choose another "
                                        f"(PORT={port + 1} make preview)"]


def test_building_from_another_folder_says_where_to_build(project, tmp_path, monkeypatch):
    """`mkdocs build -f project/mkdocs.yml` elsewhere: the search plugin's word list is read from
    the folder one builds in; the line says which folder to build from."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    with pytest.raises(DataError) as caught:
        load_project(load_config(str(project / "mkdocs.yml")))
    assert str(caught.value) == (f"mkdocs.yml: plugins: search: jieba_dict_user 'docs/data/jieba_user_dict.txt' is "
                                 f"read from the folder you build in, and this is {elsewhere}: build from "
                                 f"{project.resolve()} (cd there first)")


def test_old_mac_line_ends_and_outside_links(project, tmp_path, monkeypatch):
    """A page saved with CR line ends is reported at the right line; a page that is a link to a
    file outside the project is refused (its text would be published)."""
    monkeypatch.chdir(project)
    page = project / PAGE_EN
    text = page.read_text(encoding="utf-8").replace(FIX, FIX + "\n<script>x()</script>\n\n", 1)
    line = next(i for i, row in enumerate(text.splitlines(), start=1) if "<script>" in row)
    page.write_bytes(text.replace("\n", "\r").encode("utf-8"))
    with pytest.raises(DataError) as caught:
        load_project(load_config(str(project / "mkdocs.yml")))
    assert str(caught.value) == f"{PAGE_EN}: line {line}: <script> is not allowed in prose"
    outside = tmp_path.parent / f"outside-{tmp_path.name}.md"
    outside.write_text(text.replace("<script>x()</script>", "secret"), encoding="utf-8")
    page.unlink()
    page.symlink_to(outside)
    with pytest.raises(DataError) as caught:
        load_project(load_config(str(project / "mkdocs.yml")))
    assert str(caught.value) == (f"{PAGE_EN}: a link to {outside.resolve()}, outside the project: what is "
                                 "published must be in it (copy the file in)")
    outside.unlink()
