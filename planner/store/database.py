"""Opening the data file: (placeholder, replaced by the full version with lock, schema, backups)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from tinydb import TinyDB

from planner.domain.session import Template
from planner.store.storage import AtomicJSONStorage
from planner.store.store import Store

DATA_FILE = "hybrid-planner.json"


def open_store(data_dir: Path, builtins: Sequence[Template] = ()) -> Store:
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / DATA_FILE
    return Store(TinyDB(path, storage=AtomicJSONStorage), builtins, path)
