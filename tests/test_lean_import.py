"""Lean package imports: a package's file runs only when a name it defines is asked for."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reader.lean_import import _LeanFinder, lean_packages

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """A small package `leanpkg` whose files record when they run; imported lean, then forgotten."""
    root = tmp_path / "leanpkg"
    (root / "sub").mkdir(parents=True)
    (root / "__init__.py").write_text(textwrap.dedent("""
        import leanpkg_log
        leanpkg_log.ran.append("leanpkg")
        from leanpkg.parts import Part, make as build
        from .sub.deep import Deep
        from leanpkg.parts import *

        def helper():
            return "helper"

        __all__ = ["Part", "helper"]
    """))
    (root / "parts.py").write_text("import leanpkg_log\nleanpkg_log.ran.append('parts')\n"
                                   "class Part: pass\ndef make(): return Part()\n")
    (root / "other.py").write_text("VALUE = 7\n")
    (root / "sub" / "__init__.py").write_text("import leanpkg_log\nleanpkg_log.ran.append('sub')\nSUB = 1\n")
    (root / "sub" / "deep.py").write_text("class Deep: pass\n")
    (tmp_path / "leanpkg_log.py").write_text("ran = []\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    before = list(sys.meta_path)
    assert lean_packages("leanpkg") and not lean_packages("leanpkg")
    import leanpkg_log

    yield leanpkg_log.ran
    sys.meta_path[:] = before
    for name in [m for m in sys.modules if m.split(".")[0] in ("leanpkg", "leanpkg_log")]:
        del sys.modules[name]


def test_submodules_import_without_running_package_files(package: list[str]) -> None:
    import leanpkg.sub.deep

    assert package == [] and leanpkg.sub.deep.Deep.__name__ == "Deep"
    from leanpkg import other

    assert other.VALUE == 7 and package == []


def test_names_imported_from_submodules_come_from_them(package: list[str]) -> None:
    from leanpkg import Deep, Part, build

    import leanpkg.parts

    assert Part is leanpkg.parts.Part and build is leanpkg.parts.make and Deep.__module__ == "leanpkg.sub.deep"
    assert package == ["parts"]  # the package's own file has not run


def test_a_name_the_package_file_defines_runs_it_once(package: list[str]) -> None:
    import leanpkg

    assert leanpkg.helper() == "helper" and package == ["leanpkg", "parts"]
    assert leanpkg.__all__ == ["Part", "helper"] and package == ["leanpkg", "parts"]
    with pytest.raises(AttributeError):
        leanpkg.missing  # noqa: B018


def test_a_star_import_gets_every_name(package: list[str]) -> None:
    namespace: dict[str, object] = {}
    exec("from leanpkg import *", namespace)
    assert {"Part", "helper"} <= set(namespace) and package == ["leanpkg", "parts"]


def test_lean_packages_only_once_and_only_for_installed_libraries() -> None:
    assert not lean_packages("no_such_library_here")
    assert not lean_packages("json")  # imported already
    assert not any(isinstance(f, _LeanFinder) and f.root in ("json", "no_such_library_here") for f in sys.meta_path)


LEAN_NLTK = """
import sys
from reader.analysis_process import lean_nltk
assert lean_nltk() and not lean_nltk()
import nltk.tokenize.punkt
from nltk.chunk import RegexpParser
import nltk.chunk.regexp
assert RegexpParser is nltk.chunk.regexp.RegexpParser
lean = sorted(m for m in sys.modules if m.startswith("nltk"))
import nltk.tokenize
print(len(lean), "nltk.tokenize.texttiling" in lean, "nltk.classify" in lean, nltk.tokenize.word_tokenize.__module__)
"""


def test_lean_nltk_leaves_out_the_package_files_and_keeps_their_names() -> None:
    out = subprocess.run([sys.executable, "-c", LEAN_NLTK], capture_output=True, text=True, check=True, cwd=REPO)
    count, texttiling, classify, module = out.stdout.split()
    assert int(count) < 40 and texttiling == classify == "False" and module == "nltk.tokenize"


def test_a_name_the_file_binds_again_comes_from_running_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "leanre"
    root.mkdir()
    (root / "__init__.py").write_text(textwrap.dedent("""
        from leanre.parts import first, second, third
        first = "rebound"
        try:
            from leanre.other import second
        except ImportError:
            pass
        if True:
            def third():
                return "redefined"
        from leanre.parts import fourth
    """))
    (root / "parts.py").write_text("first = second = fourth = 'parts'\ndef third(): return 'parts'\n")
    (root / "other.py").write_text("second = 'other'\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    before = list(sys.meta_path)
    try:
        assert lean_packages("leanre")
        import leanre

        assert leanre.fourth == "parts"  # only imported: taken from its module, the file does not run
        assert "first" not in vars(leanre)
        assert leanre.first == "rebound" and leanre.second == "other" and leanre.third() == "redefined"
    finally:
        sys.meta_path[:] = before
        for name in [m for m in sys.modules if m.split(".")[0] == "leanre"]:
            del sys.modules[name]
