"""The README's two set-up commands on a fresh machine: a minimal Debian 12 root that holds only
the README's prerequisites (Python 3.11 with venv, make, git), a clean clone of this checkout's
HEAD in it, then `make serve` until it answers on its port and `make test` in full, each in a
root of its own. Prints what each command installed and how it ended.

    sudo make fresh-check     (python -m helpcenter fresh-check [--keep] [--work DIR])

Needs root (to build the root and chroot into it) and Debian's mmdebstrap, which it installs
when missing. The roots take this machine's network settings, never its software: its apt
sources and apt `Acquire` options, its resolv.conf, and the CA certificates it trusts (for a
proxy that inspects TLS). Not part of `make test`: it downloads several hundred MB.
"""

from __future__ import annotations

import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from html import unescape
from pathlib import Path

from helpcenter import PROJECT
from helpcenter.tools import command_parser
from helpcenter.tools.system_packages import NEEDS

REPO = PROJECT
PREREQUISITES = ["python3.11", "python3.11-venv", "make", "git"]
# Not a prerequisite of the project: the package that makes the machine's CA certificates trusted.
NETWORK = ["ca-certificates"]
HOME = "/root/helpcenter"
SERVE_PORT = 8000
SERVE_WAIT = 900  # seconds for `make serve` to install everything and answer


def say(line: str = "") -> None:
    print(line, flush=True)


def run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, check=True, **kwargs)


def apt_sources() -> list[str]:
    """This machine's apt sources when it is Debian 12, else Debian's own mirror."""
    files = [f for f in ["/etc/apt/sources.list", *sorted(glob.glob("/etc/apt/sources.list.d/*.sources")),
                         *sorted(glob.glob("/etc/apt/sources.list.d/*.list"))]
             if Path(f).is_file() and "bookworm" in Path(f).read_text(errors="replace")]
    return files or ["http://deb.debian.org/debian"]


def apt_options() -> list[str]:
    """This machine's apt options about downloading (proxies, snapshot mirrors' dates)."""
    return [f"--aptopt={f}" for f in sorted(glob.glob("/etc/apt/apt.conf.d/*"))
            if Path(f).is_file() and "Acquire::" in Path(f).read_text(errors="replace")]


def base_root(work: Path) -> Path:
    """A Debian 12 minbase with the prerequisites, this machine's network settings and a clean
    clone of HEAD, as a tarball to unpack once per command."""
    tarball = work / "base.tar"
    say(f"== Debian 12 minbase + {' '.join(PREREQUISITES)} (mmdebstrap, sources: {', '.join(apt_sources())})")
    run(["mmdebstrap", "--quiet", "--variant=minbase", f"--include={','.join(PREREQUISITES + NETWORK)}",
         *apt_options(), "--customize-hook=" + CUSTOMIZE, "bookworm", str(tarball), *apt_sources()])
    return tarball


# Runs outside the root with "$1" its path: network settings in, then a clean clone of HEAD.
CUSTOMIZE = (
    'cp /etc/resolv.conf "$1/etc/resolv.conf"; '
    'if ls /usr/local/share/ca-certificates/*.crt >/dev/null 2>&1; then '
    'cp /usr/local/share/ca-certificates/*.crt "$1/usr/local/share/ca-certificates/"; '
    'chroot "$1" update-ca-certificates >/dev/null 2>&1; fi; '
    f'git clone --quiet --no-hardlinks "{REPO}" "$1{HOME}"'
)


def unpack(tarball: Path, root: Path) -> Path:
    root.mkdir()
    run(["tar", "-xf", str(tarball), "-C", str(root)])
    return root


def packages(root: Path) -> set[str]:
    out = run(["chroot", str(root), "dpkg-query", "-W", "-f=${Package}\n"], capture_output=True, text=True)
    return set(out.stdout.split())


def in_root(root: Path, command: str, folder: str = HOME, user: str = "0:0") -> list[str]:
    """`command` in `folder` of `root`, as `user` (uid:gid), in a mount namespace of its own (so
    /proc, /sys, /dev and a fresh /dev/shm, which Chromium needs, go away with it), with a
    login's environment only."""
    home = "/root" if user == "0:0" else folder
    mounts = (f'mount -t proc proc "{root}/proc" && mount -t sysfs sys "{root}/sys" && '
              f'mount --rbind /dev "{root}/dev" && mount -t tmpfs shm "{root}/dev/shm" && '
              f'exec chroot --userspec={user} "{root}" /usr/bin/env -i HOME={home} LANG=C.UTF-8 TERM=dumb '
              f'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin '
              f'/bin/sh -c "cd {folder} && {command}"')
    return ["unshare", "--mount", "--propagation", "private", "--fork", "--pid", "--mount-proc",
            "/bin/sh", "-c", mounts]


def check_serve(tarball: Path, work: Path, log: Path) -> tuple[bool, str]:
    with socket.socket() as probe:  # the root shares this machine's network
        if probe.connect_ex(("127.0.0.1", SERVE_PORT)) == 0:
            return False, f"make serve: port {SERVE_PORT} is already in use on this machine; free it and run again"
    root = unpack(tarball, work / "serve")
    before = packages(root)
    say(f"\n== make serve (in {root}; output in {log})")
    start = time.monotonic()
    with open(log, "w") as out:
        process = subprocess.Popen(in_root(root, "make serve"), stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
        try:
            answer = wait_for_site(process)
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)
    took = time.monotonic() - start
    if answer is None:
        for line in log.read_text(errors="replace").splitlines()[-5:]:
            say("   " + line[:200])
    report_installed(root, before)
    return answer is not None, f"make serve: {answer or 'no answer'} after {took:.0f} s"


def wait_for_site(process: subprocess.Popen) -> str | None:
    """What the site answers for / and /en/ once `make serve` serves it."""
    deadline = time.monotonic() + SERVE_WAIT
    while time.monotonic() < deadline and process.poll() is None:
        try:
            pages = []
            for path in ("", "en/"):
                with urllib.request.urlopen(f"http://127.0.0.1:{SERVE_PORT}/{path}", timeout=5) as response:
                    html = response.read().decode("utf-8")
                    title = unescape(html.split("<title>", 1)[1].split("</title>", 1)[0])
                    pages.append(f"/{path} {response.status} “{title}”")
            return "; ".join(pages)
        except (OSError, IndexError):
            time.sleep(2)
    return None


def check_without_root(root: Path) -> tuple[bool, str]:
    """`make test` as a user without root, before anything is installed: it must stop at once
    with one line naming each missing package."""
    say("\n== make test as a user without root (nobody), nothing installed yet")
    clone = "/tmp/helpcenter-user"
    run(["chroot", str(root), "git", "clone", "--quiet", HOME, clone])
    run(["chroot", str(root), "chown", "-R", "65534:65534", clone])
    result = subprocess.run(in_root(root, "make test", clone, "65534:65534"), capture_output=True, text=True)
    shutil.rmtree(root / clone.lstrip("/"))
    said = [line for line in (result.stdout + result.stderr).splitlines() if not line.startswith("make: ***")]
    for line in said:
        say("   " + line)
    ok = result.returncode != 0 and len(said) == 1 and all(p in said[0] for p in NEEDS["test"])
    return ok, f"make test without root: exit {result.returncode}, {len(said)} line(s) naming what is missing"


def check_test(root: Path, log: Path) -> tuple[bool, str]:
    before = packages(root)
    say(f"\n== make test (in {root}; output in {log})")
    start = time.monotonic()
    with open(log, "w") as out:
        code = subprocess.run(in_root(root, "make test"), stdout=out, stderr=subprocess.STDOUT).returncode
    took = time.monotonic() - start
    lines = log.read_text(errors="replace").splitlines()
    for line in lines:
        if line.startswith("make test:") or line.startswith("FAILED") or line.startswith("ERROR"):
            say("   " + line)
    summary = next((line.strip("= ") for line in reversed(lines) if " passed" in line or " failed" in line),
                   lines[-1] if lines else "no output")
    report_installed(root, before)
    return code == 0, f"make test: exit {code}, {summary}, after {took:.0f} s"


def report_installed(root: Path, before: set[str]) -> None:
    added = sorted(packages(root) - before)
    asked = [p for p in NEEDS["test"] if p in added]
    say(f"   Debian packages installed: {len(added)} ({' '.join(asked) or 'none asked for'}, and what they depend on)")
    venv = root / HOME.lstrip("/") / ".venv"
    if venv.exists():
        wheels = list(venv.glob("lib/python3.11/site-packages/*.dist-info"))
        say(f"   Python packages in .venv: {len(wheels)}")
    node = root / HOME.lstrip("/") / "node_modules"
    if node.exists():
        say(f"   npm packages in node_modules: {sum(1 for _ in node.glob('**/package.json'))} package.json files")


def main(argv: list[str] | None = None) -> int:
    parser = command_parser("fresh-check", __doc__)
    parser.add_argument("--keep", action="store_true", help="keep the roots and logs afterwards")
    parser.add_argument("--work", type=Path, help="folder for the roots (default: a new one in /var/tmp)")
    args = parser.parse_args(argv)
    if os.geteuid() != 0:
        print("fresh_machine.py: needs root (to build a Debian root and chroot into it)", file=sys.stderr)
        return 1
    if shutil.which("mmdebstrap") is None:
        say("== installing Debian's mmdebstrap")
        run(["apt-get", "install", "-y", "-qq", "mmdebstrap"], stdout=subprocess.DEVNULL)
    head = run(["git", "-C", str(REPO), "log", "-1", "--format=%h %s"], capture_output=True, text=True).stdout.strip()
    say(f"== checking {REPO} at {head[:100]}")
    work = args.work or Path(tempfile.mkdtemp(prefix="helpcenter-fresh-", dir="/var/tmp"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        tarball = base_root(work)
        results = [check_serve(tarball, work, work / "serve.log")]
        test_root = unpack(tarball, work / "test")
        results += [check_without_root(test_root), check_test(test_root, work / "test.log")]
    finally:
        if not args.keep:
            for name in ("serve", "test"):
                shutil.rmtree(work / name, ignore_errors=True)
            (work / "base.tar").unlink(missing_ok=True)
    say("\n== result (each command in a root that began with the prerequisites alone)")
    for ok, line in results:
        say(f"   {'PASS' if ok else 'FAIL'}  {line}")
    say(f"   logs: {work}")
    return 0 if all(ok for ok, _ in results) else 1

