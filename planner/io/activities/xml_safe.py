"""XML with entity expansion off: a DTD (the only place entities can be declared) is refused
before anything is expanded, so a billion-laughs file costs the time to read its first lines.
defusedxml (https://github.com/tiran/defusedxml) wraps the standard parser for this."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import defusedxml
import defusedxml.ElementTree as SafeET

from planner.io.activities.records import ActivityFileError


def decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ActivityFileError(name, f"is not UTF-8 text (byte {exc.start})") from None


def parse(text: str, name: str) -> ET.Element:
    try:
        return SafeET.fromstring(text, forbid_dtd=True)
    except (defusedxml.DTDForbidden, defusedxml.EntitiesForbidden,
            defusedxml.ExternalReferenceForbidden):
        raise ActivityFileError(name, "declares a DTD or XML entities, which activity files never need; "
                                      "refused (it could expand without end)") from None
    except ET.ParseError as exc:
        raise ActivityFileError(name, f"is not well-formed XML ({exc})") from None
