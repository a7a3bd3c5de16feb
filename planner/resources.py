"""Files shipped beside the code: icons, the default session library, the exercise list, the sources, styles.

Found relative to the package so a PyInstaller bundle (which unpacks to sys._MEIPASS) finds them too.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

import orjson

from planner.domain.references import References, load_references
from planner.domain.session import Template


def resources_dir() -> Path:
    """A PyInstaller bundle's `resources/`; an installed wheel's `planner/_resources/` (setup.py
    maps the folder there); else the source checkout's top-level `resources/`."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    here = Path(__file__).resolve().parent
    installed = here / "_resources"
    return installed if (installed / "library.json").is_file() else here.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


@cache
def references() -> References:
    """The sources the app cites (Help > Sources, `hybrid-planner sources`)."""
    return load_references(resource_path("references.json"))


@cache
def builtin_templates() -> tuple[Template, ...]:
    from planner.store.codec import template_from_doc

    data = orjson.loads(resource_path("library.json").read_bytes())
    return tuple(template_from_doc(d, builtin=True) for d in data["templates"])


@cache
def exercise_catalog() -> dict[str, tuple[str, ...]]:
    """Exercise name -> muscle groups (primary first), for the editor's picker and CSV import."""
    data = orjson.loads(resource_path("exercises.json").read_bytes())
    return {e["name"]: tuple(e["muscles"]) for e in data["exercises"]}


@cache
def import_catalog() -> dict[str, tuple[str, ...]]:
    """The app's own exercises, plus the names Strong and Hevy write ("Bicep Curl (Barbell)") and
    their aliases, each -> muscle groups (main first): what imported logs and plan files are read with."""
    data = orjson.loads(resource_path("app_exercises.json").read_bytes())
    names = {e["name"]: (e["main"], *e["secondary"]) for e in data["exercises"]}
    aliases = {alias: names[target] for alias, target in data["aliases"].items()}
    return {**aliases, **names, **exercise_catalog()}
