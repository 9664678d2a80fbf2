"""The visuals library stays in small pieces: short functions in modules of a readable size.

The chart builders once grew into single bodies of up to 183 lines that mixed layout, label
placement and the data table; these limits keep each step small enough to read and test.
"""

import ast
from pathlib import Path

import pytest

import visuals

MAX_FUNCTION_LINES = 40  # from the def line through the last line, docstring included
MAX_MODULE_LINES = 600
MODULES = sorted(Path(visuals.__file__).parent.rglob("*.py"))


def functions(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node.name, node.lineno, node.end_lineno - node.lineno + 1


def test_the_library_has_its_modules():
    names = {path.name for path in MODULES}
    assert {"__init__.py", "core.py", "labels.py", "boards.py", "maps.py", "matrix.py", "timelines.py"} <= names


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.name)
def test_every_function_is_at_most_40_lines(path):
    too_long = [
        f"{path.name}:{line} {name} ({size} lines)" for name, line, size in functions(path) if size > MAX_FUNCTION_LINES
    ]
    assert not too_long, f"functions over {MAX_FUNCTION_LINES} lines: {too_long}"


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.name)
def test_no_module_is_over_600_lines(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_MODULE_LINES, f"{path.name} has {lines} lines"


def test_the_size_check_counts_a_function_from_def_to_last_line(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('def f():\n    """Doc."""\n\n    return 1\n\n\ndef g():\n    pass\n')
    assert list(functions(sample)) == [("f", 1, 4), ("g", 7, 2)]
