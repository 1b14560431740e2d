"""Import a library's modules without running its packages' `__init__.py` files until they are needed.

NLTK's package files import nearly all of NLTK: `import nltk.tokenize.punkt` runs `nltk/__init__.py`
and `nltk/tokenize/__init__.py`, and `from nltk.chunk import RegexpParser` runs `nltk/chunk/__init__.py`,
which between them import ~115 modules (~8 MB resident) that the pipeline never uses. With
`lean_packages("nltk")`, each package of the library is created without running its file, and a name
asked of it is found lazily: a name the file imports from a submodule (`RegexpParser`) is taken
from that submodule, a submodule is imported, and any other name (a function the file defines)
runs the file in full first, so every name is there as before.
"""

from __future__ import annotations

import ast
import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
from types import ModuleType
from typing import Any, Sequence


class _LazyNames:
    """A lean package's module `__getattr__`: finds a name the package's file would have made."""

    def __init__(self, module: ModuleType, loader: Any) -> None:
        self.module = module
        self.loader = loader
        self.sources: dict[str, tuple[str, str]] | None = None

    def _imported_names(self) -> dict[str, tuple[str, str]]:
        """Name -> (module, name) for each `from module import name` at the top of the package's file
        whose name nothing else in the file binds (those are found by running the file)."""
        if self.sources is None:
            package = self.module.__name__
            sources: dict[str, tuple[str, str]] = {}
            bound: set[str] = set()
            for node in ast.parse(self.loader.get_source(package) or "").body:
                if isinstance(node, ast.ImportFrom) and node.module and all(a.name != "*" for a in node.names):
                    origin = importlib.util.resolve_name("." * node.level + node.module, package)
                    for alias in node.names:
                        name = alias.asname or alias.name
                        if name in sources:
                            bound.add(name)
                        sources[name] = (origin, alias.name)
                else:
                    bound.update(_bound_names(node))
            self.sources = {name: origin for name, origin in sources.items() if name not in bound}
        return self.sources

    def __call__(self, name: str) -> Any:
        module = self.module
        package = module.__name__
        if name.startswith("__") and name != "__all__":  # `from package import *` asks for __all__
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        origin = None if name == "__all__" else self._imported_names().get(name)
        if origin is not None and origin[0] != package:
            value = getattr(importlib.import_module(origin[0]), origin[1])
        elif name != "__all__" and importlib.machinery.PathFinder.find_spec(f"{package}.{name}", module.__path__):
            value = importlib.import_module(f"{package}.{name}")  # a submodule: importing sets the attribute
        else:  # a name the file itself defines, or all of them: run it in full, once
            module.__dict__.pop("__getattr__", None)
            self.loader.exec_module(module)
            return getattr(module, name)
        setattr(module, name, value)
        return value


def _bound_names(node: ast.AST) -> set[str]:
    """Every name a statement binds or might bind (assignments, definitions, imports, anywhere in it)."""
    out: set[str] = set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Store):
            out.add(sub.id)
        elif isinstance(sub, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            out.add(sub.name)
        elif isinstance(sub, (ast.Import, ast.ImportFrom)):
            out.update((a.asname or a.name).split(".")[0] for a in sub.names)
        elif isinstance(sub, (ast.Global, ast.Nonlocal)):
            out.update(sub.names)
    return out


class _LeanLoader(importlib.abc.Loader):
    """A package's loader that creates the package without running its file (see `_LazyNames`)."""

    def __init__(self, loader: Any) -> None:
        self.loader = loader

    def __getattr__(self, name: str) -> Any:  # get_source, resource readers ...: the real loader's
        return getattr(self.loader, name)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        """The module as the real loader would create it."""
        return self.loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        """Run nothing; names are found when asked for."""
        module.__getattr__ = _LazyNames(module, self.loader)  # type: ignore[method-assign]


class _LeanFinder(importlib.abc.MetaPathFinder):
    """Finds the packages of one library (not its plain modules) with `_LeanLoader`."""

    def __init__(self, root: str) -> None:
        self.root = root

    def find_spec(self, fullname: str, path: Sequence[str] | None,
                  target: ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        """The package's usual spec with a lean loader; None for anything else."""
        if fullname != self.root and not fullname.startswith(self.root + "."):
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or spec.submodule_search_locations is None or spec.loader is None:
            return None
        spec.loader = _LeanLoader(spec.loader)
        return spec


def lean_packages(root: str) -> bool:
    """Import the packages of library `root` lean from now on; False (nothing done) when it is imported
    already or not installed. Only for a process that needs few of the library's modules."""
    if root in sys.modules or any(isinstance(f, _LeanFinder) and f.root == root for f in sys.meta_path):
        return False
    try:
        if importlib.util.find_spec(root) is None:
            return False
    except (ImportError, ValueError):
        return False
    sys.meta_path.insert(0, _LeanFinder(root))
    return True
