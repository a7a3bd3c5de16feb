"""The data file's schema version and the steps that bring an older file up to date.

The version lives in the `meta` table as one document {"schema_version": N, "next_session_id": M}. A file without a meta
table but with data predates versioning and is version 1. Each step works on the parsed tables in
memory; open_store writes the result only after backing up the old file and checking every document.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

Tables = dict[str, dict[str, Any]]

SCHEMA_VERSION = 4
META_TABLE = "meta"
_VERSIONED_SINCE = 1  # what an unversioned file with data is


class SchemaError(ValueError):
    """The meta table itself is malformed (the file is then treated as corrupt)."""


def has_data(tables: Tables) -> bool:
    """True when any table other than meta holds a document."""
    return any(docs for name, docs in tables.items() if name != META_TABLE)


def read_version(tables: Tables) -> int | None:
    """The file's schema version; None for a file with no data and no version (a new file)."""
    meta = tables.get(META_TABLE) or {}
    versions = [doc.get("schema_version") for doc in meta.values() if isinstance(doc, dict)]
    versions = [v for v in versions if v is not None]
    if not versions:
        return _VERSIONED_SINCE if has_data(tables) else None
    if len(versions) > 1:
        raise SchemaError(f"the meta table holds {len(versions)} schema versions")
    version = versions[0]
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise SchemaError(f"schema version {version!r} is not a whole number from 1 up")
    return version


def read_meta(tables: Tables) -> dict[str, Any]:
    """The meta document as it is (empty when there is none); changes nothing."""
    meta = tables.get(META_TABLE) or {}
    return next((d for d in meta.values() if isinstance(d, dict)), {})


def meta_doc(tables: Tables) -> dict[str, Any]:
    """The one meta document (created when missing)."""
    meta = tables.setdefault(META_TABLE, {})
    doc = next((d for d in meta.values() if isinstance(d, dict)), None)
    if doc is None or len(meta) != 1:
        doc = dict(doc or {})
        tables[META_TABLE] = {"1": doc}
    return doc


def set_version(tables: Tables, version: int) -> None:
    meta_doc(tables)["schema_version"] = version


def _rename(doc: dict[str, Any], old: str, new: str) -> None:
    if old in doc and new not in doc:
        doc[new] = doc.pop(old)


def _v1_to_v2(tables: Tables) -> None:
    """v1 named a session's planned duration `duration` and its effort `session_rpe`, and kept no
    order within a day. Rename both, and number each day's sessions 0, 1, ... in doc-id order
    (the order v1 showed them in). Templates shared the session content fields, so rename there too.
    """
    sessions = tables.get("sessions", {})
    by_day: dict[object, list[int]] = defaultdict(list)
    for key, doc in sessions.items():
        _rename(doc, "duration", "duration_min")
        _rename(doc, "session_rpe", "rpe")
        by_day[doc.get("date")].append(int(key))
    for ids in by_day.values():
        for position, i in enumerate(sorted(ids)):
            sessions[str(i)]["position"] = position
    for doc in tables.get("templates", {}).values():
        _rename(doc, "duration", "duration_min")
        _rename(doc, "session_rpe", "rpe")


NEXT_ID_KEY = "next_session_id"


def _v2_to_v3(tables: Tables) -> None:
    """v3 keeps the next session id in meta, so an id is never given out twice, even after the
    newest session was deleted and the file reopened (calendar UIDs and dismissed findings use ids)."""
    ids = [int(k) for k in tables.get("sessions", {})]
    meta_doc(tables)[NEXT_ID_KEY] = max(ids, default=0) + 1


def _v3_to_v4(tables: Tables) -> None:
    """v4 lets a run hold `steps` (a structured run). A v3 file has none, so nothing changes; the
    new version only keeps an older app, which would drop the steps on its next save, from opening it."""


#: from-version -> the step to from-version + 1
STEPS: dict[int, Callable[[Tables], None]] = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4}


def migrate(tables: Tables, from_version: int) -> Tables:
    """Bring `tables` (changed in place) from `from_version` to SCHEMA_VERSION."""
    for version in range(from_version, SCHEMA_VERSION):
        STEPS[version](tables)
    set_version(tables, SCHEMA_VERSION)
    return tables
