"""`python -m counter_app`: only the global options open the window; anything else is the
command line's (which reports a mistake in its own words)."""

from __future__ import annotations

from pathlib import Path

import pytest

from counter_app.launch import window_options
from counter_app.services.profile import default_data_dir


@pytest.mark.parametrize(("args", "expected"), [
    ([], (default_data_dir(), False)),
    (["--data-dir", "D"], (Path("D"), False)),
    (["--data-dir=Thư mục/D", "-v"], (Path("Thư mục/D"), True)),
    (["--user", "huong.nt", "--verbose", "--data-dir", "D"], (Path("D"), True)),
])
def test_the_global_options_alone_open_the_window(args, expected):
    assert window_options(args) == expected


@pytest.mark.parametrize("args", [
    ["show", "000.00.06.H56-261120-0001"], ["--data-dir", "D", "search", "nguyen"], ["-h"],
    ["--data-dir"], ["--user"], ["--verbos"],
])
def test_anything_else_goes_to_the_command_line(args):
    assert window_options(args) is None


def test_an_option_without_its_value_is_reported_by_the_command_line(capsys):
    from counter_app.launch import main

    with pytest.raises(SystemExit) as stopped:
        main(["--data-dir"])
    assert stopped.value.code == 2
    assert "--data-dir" in capsys.readouterr().err
