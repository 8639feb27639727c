"""`atlas validate` never prints control characters from the data raw (ESC sequences, CR, bidi overrides)."""

import pytest

from atlas.cli import main
from atlas.problems import Problem, printable

FORGED = "\x1b[2K\r\x1b[1A/data: valid\u202e"


def test_printable_escapes_controls_and_keeps_text():
    assert printable("Zürich – 東京") == "Zürich – 東京"
    assert printable(FORGED) == "\\x1b[2K\\r\\x1b[1A/data: valid\\u202e"
    assert printable("a\nb\tc\u2028d\u200be") == "a\\nb\\tc\\u2028d\\u200be"


def test_problem_text_is_printable():
    assert str(Problem("sites.csv", 1, "x\x1b]0;pwned\x07", "bad\r")) == "sites.csv:1:x\\x1b]0;pwned\\x07: bad\\r"


def _raw_controls(text: str) -> set[str]:
    return {c for c in text if (ord(c) < 32 and c != "\n") or ord(c) == 127 or c == "\u202e"}


@pytest.mark.parametrize("where", ["header", "value"])
def test_validate_output_has_no_raw_control_characters(where, mini_copy, capsys):
    path = mini_copy / "programmes.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    if where == "header":
        lines[0] += "," + FORGED.replace("\r", "")
    else:
        first = lines[1].split(",")
        first[0] = "p" + FORGED.replace("\r", "")
        lines[1] = ",".join(first)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["validate", str(mini_copy)]) == 1
    captured = capsys.readouterr()
    assert _raw_controls(captured.out + captured.err) == set()
    assert "\\x1b[2K" in captured.out
