"""Where the user's data lives: `--data-dir`, else $HYBRID_PLANNER_DATA_DIR, else the platform's."""

from __future__ import annotations

import os
from pathlib import Path

APP_DIR_NAME = "hybrid-planner"
DATA_DIR_ENV = "HYBRID_PLANNER_DATA_DIR"


def default_data_dir() -> Path:
    """The user data folder (platformdirs), unless $HYBRID_PLANNER_DATA_DIR names another one.

    Nothing is created here: opening the store creates the folder when it first writes.
    """
    override = os.environ.get(DATA_DIR_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_DIR_NAME, appauthor=False)


def resolve_data_dir(option: str | os.PathLike[str] | None) -> Path:
    """The folder a command works on: the `--data-dir` value if given, else `default_data_dir()`."""
    if option is not None and str(option).strip():
        return Path(option).expanduser()
    return default_data_dir()
