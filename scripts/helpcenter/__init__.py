"""The 小米分期 help center's generator and tools: load/ reads and checks the input, render/
makes the pages, publish/ writes what a server needs, tools/ is the command line
(`python -m helpcenter --help`). scripts/hooks.py connects them to MkDocs."""

from pathlib import Path

# The repository: mkdocs.yml, docs/, overrides/, tests/ (the tools' defaults).
PROJECT = Path(__file__).resolve().parents[2]
