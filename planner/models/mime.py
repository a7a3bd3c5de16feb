"""The one drag-and-drop format: session ids from the calendar, or a template id from the library."""

from __future__ import annotations

from dataclasses import dataclass

import orjson
from PySide6.QtCore import QMimeData

MIME_TYPE = "application/x-hybrid-planner-sessions"


@dataclass(frozen=True)
class DragPayload:
    session_ids: tuple[int, ...] = ()
    template_id: str | None = None


def encode(payload: DragPayload) -> QMimeData:
    data = QMimeData()
    doc = {"template": payload.template_id} if payload.template_id else {"sessions": list(payload.session_ids)}
    data.setData(MIME_TYPE, orjson.dumps(doc))
    return data


def decode(data: QMimeData | None) -> DragPayload | None:
    """The payload, or None for anything that is not ours or is malformed (drops from other apps)."""
    if data is None or not data.hasFormat(MIME_TYPE):
        return None
    try:
        doc = orjson.loads(bytes(data.data(MIME_TYPE)))
    except orjson.JSONDecodeError:
        return None
    if not isinstance(doc, dict):
        return None
    if isinstance(doc.get("template"), str):
        return DragPayload(template_id=doc["template"])
    ids = doc.get("sessions")
    if isinstance(ids, list) and ids and all(isinstance(i, int) and not isinstance(i, bool) for i in ids):
        return DragPayload(session_ids=tuple(ids))
    return None
