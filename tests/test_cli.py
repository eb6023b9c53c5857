"""The tools' one command line: `python -m helpcenter <command>`, each command with --help."""

from __future__ import annotations

import subprocess
import sys

import pytest
from helpcenter.__main__ import COMMANDS, main


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_explains_itself(command, capsys):
    with pytest.raises(SystemExit) as stop:
        main([command, "--help"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.startswith(f"usage: python -m helpcenter {command}")


def test_an_unknown_command_lists_the_commands():
    result = subprocess.run([sys.executable, "-m", "helpcenter", "previe"], capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.startswith("python -m helpcenter: no command 'previe'")
    assert all(f"  {command} " in result.stderr for command in COMMANDS)
