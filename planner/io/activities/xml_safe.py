"""XML with entity expansion off.

Entities can only be declared in a DTD, and a DTD can only stand before the root element. So
defusedxml (https://github.com/tiran/defusedxml) reads the file up to its root element with DTDs
and entities forbidden, and stops there; only then does the standard library's C parser build the
tree (defusedxml's own tree builder runs in Python and took twice as long on a GPX track). A
billion-laughs file is refused after its first lines, in bounded time and memory.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import defusedxml
from defusedxml.ElementTree import DefusedXMLParser

from planner.io.activities.records import ActivityFileError

_CHUNK = 4096


def decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ActivityFileError(name, f"is not UTF-8 text (byte {exc.start})") from None


class _RootReached(Exception):
    pass


class _StopAtRoot:
    """A tree builder target that ends the check at the root element's start tag."""

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        raise _RootReached

    def close(self) -> None:
        return None


def check_prolog(text: str, name: str) -> None:
    """Raise an ActivityFileError if the file declares a DTD or an entity before its root."""
    parser = DefusedXMLParser(target=_StopAtRoot(), forbid_dtd=True, forbid_entities=True,
                              forbid_external=True)
    try:
        for i in range(0, len(text), _CHUNK):
            parser.feed(text[i:i + _CHUNK])
    except _RootReached:
        return
    except (defusedxml.DTDForbidden, defusedxml.EntitiesForbidden, defusedxml.ExternalReferenceForbidden):
        raise ActivityFileError(name, "declares a DTD or XML entities, which activity files never need; "
                                      "refused (it could expand without end)") from None
    except ET.ParseError as exc:
        raise ActivityFileError(name, f"is not well-formed XML ({exc})") from None
    raise ActivityFileError(name, "is not well-formed XML (no root element)")


_FEED = 32 * 1024  # fed in pieces so a reading thread lets the interface thread run between them


def parse(text: str, name: str) -> ET.Element:
    check_prolog(text, name)
    parser = ET.XMLParser()
    try:
        for i in range(0, len(text), _FEED):
            parser.feed(text[i:i + _FEED])
        return parser.close()
    except ET.ParseError as exc:
        raise ActivityFileError(name, f"is not well-formed XML ({exc})") from None
