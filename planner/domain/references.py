"""The app's own list of sources (resources/references.json): what every cited "Author Year" means.

Users have no copy of our research notes, so each number the app shows names its source by author and
year ("Foster 2001", "Doma & Deakin 2013", "Schumann et al. 2022"), and that name is looked up here.
Help > Sources and `hybrid-planner sources` show the list; a test checks every citation in planner/
against it. Plain Python: no Qt, so the command line and the tests read it the same way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

#: A surname: capitalised, letters with accents, hyphens and apostrophes (Baz-Valle, Jäger, St Jeor's).
_NAME = r"[A-Z][A-Za-z\u00C0-\u017F'\-]+"
#: Initials after a surname in a full citation ("Foster C", "Schoenfeld BJ").
_INITIALS = r"(?: [A-Z]{1,3}\b)?"
#: "Foster 2001", "Foster et al. 2001", "Foster C et al. 2001", "Doma & Deakin 2013", "ACSM/AND/DC 2016".
#: A year followed by ";volume" is a journal's date inside a full citation, not a name: skipped here.
#: Words before a year that make a date, not a citation ("December 2026", "Week 2026").
_DATE_WORDS = (r"(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b|Week\b)")
CITATION = re.compile(
    rf"(?<![\w/]){_DATE_WORDS}({_NAME}(?:/{_NAME})*){_INITIALS}"
    rf"(?:( et al\.?)|(?: (?:&|and) ({_NAME}){_INITIALS}))?,? ((?:19|20)\d\d)\b(?!;\s*\d)")
#: The year of a full journal citation: "... Med Sci Sports Exerc 2016;48(3):543-568".
JOURNAL_YEAR = re.compile(r"\b((?:19|20)\d\d);\s*\d")


TAKES = "What the app takes"
CHOSE = "What the app chose, and why"
#: The heading of the conventions, after the topics of the references.
CONVENTIONS = "Conventions: the app's own choices"


class ReferencesError(ValueError):
    """The shipped list is malformed: a packaging bug, reported with the entry at fault."""


@dataclass(frozen=True)
class Reference:
    """One source: how the app names it, the full citation, and what the app takes from it."""

    cite: str  # the author-year name the app shows: "Foster 2001", "Doma & Deakin 2013"
    topic: str
    citation: str
    takes: str
    doi: str | None = None
    url: str | None = None
    convention: str | None = None  # where a number is the app's choice: what it chose and why
    also: tuple[str, ...] = ()  # other names the app uses for it: "ACSM/AND/DC 2016"

    @property
    def year(self) -> int | None:
        m = re.search(r"(?:19|20)\d\d$", self.cite)
        return int(m.group()) if m else None

    @property
    def first_author(self) -> str:
        return self.cite.split()[0]

    @property
    def link(self) -> str | None:
        return f"https://doi.org/{self.doi}" if self.doi else self.url

    def fields(self) -> list[tuple[str, str]]:
        """(label, text) rows as Help > Sources and `hybrid-planner sources` show them; the citation first."""
        rows = [("", self.citation)]
        if self.link:
            rows.append(("Link", self.link))
        rows.append((TAKES, self.takes))
        if self.convention:
            rows.append((CHOSE, self.convention))
        if self.also:
            rows.append(("Also cited as", ", ".join(self.also)))
        return rows

    def text(self) -> str:
        """Every word of the entry, for a search box."""
        return " ".join(filter(None, (self.cite, *self.also, self.topic, self.citation, self.takes,
                                      self.convention, self.doi)))


@dataclass(frozen=True)
class Convention:
    """A number or definition the app chose where the sources leave a choice: what, why, on what."""

    name: str
    chose: str
    why: str
    sources: tuple[str, ...] = ()

    def fields(self) -> list[tuple[str, str]]:
        rows = [("The app's choice", self.chose), ("Why", self.why)]
        if self.sources:
            rows.append(("Sources", "; ".join(self.sources)))
        return rows

    def text(self) -> str:
        return " ".join((self.name, self.chose, self.why, *self.sources))


@dataclass(frozen=True)
class References:
    about: str
    references: tuple[Reference, ...]
    conventions: tuple[Convention, ...] = ()
    _by_name: dict[str, Reference] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for ref in self.references:
            for name in (ref.cite, *ref.also):
                key = normal_name(name)
                if self._by_name.get(key, ref) is not ref:
                    raise ReferencesError(f"two references are both called {name!r}")
                self._by_name[key] = ref

    def find(self, name: str) -> Reference | None:
        """The reference an author-year name means ("Foster et al. 2001" finds "Foster 2001"), or None."""
        return self._by_name.get(normal_name(name))

    def citation(self, name: str) -> str:
        """The full citation of a source the code names (a tooltip's small print); KeyError if unknown."""
        ref = self.find(name)
        if ref is None:
            raise KeyError(f"{name!r} is not in resources/references.json")
        return ref.citation

    def topics(self) -> list[str]:
        return list(dict.fromkeys(r.topic for r in self.references))

    def matching(self, words: str) -> tuple[list[Reference], list[Convention]]:
        """The entries holding every word typed (case-insensitive), in the list's order."""
        needles = words.casefold().split()

        def hit(text: str) -> bool:
            folded = text.casefold()
            return all(n in folded for n in needles)

        return ([r for r in self.references if hit(r.text())],
                [c for c in self.conventions if hit(c.text())])

    def unknown_names(self, text: str) -> list[str]:
        """The citations in `text` that name no entry of this list (empty when every one is found).

        Author-year names must be found as written (with "et al." or without). A full journal citation
        ("Thomas DT, ... Med Sci Sports Exerc 2016;48(3)") must hold the first author of an entry of
        that year before its year."""
        missing = [name for name in citation_names(text) if self.find(name) is None]
        for m in JOURNAL_YEAR.finditer(text):
            before, year = text[:m.start()], int(m.group(1))
            if not any(r.year == year and r.first_author.split("/")[0] in before for r in self.references):
                missing.append(f"{before.strip()[:60]}... {year}")
        return missing

    def to_json(self) -> dict[str, object]:
        return {
            "about": self.about,
            "references": [_without_empty({
                "cite": r.cite, "also": list(r.also), "topic": r.topic, "citation": r.citation,
                "doi": r.doi, "url": r.url, "takes": r.takes, "convention": r.convention})
                for r in self.references],
            "conventions": [{"name": c.name, "chose": c.chose, "why": c.why, "sources": list(c.sources)}
                            for c in self.conventions],
        }


def citation_names(text: str) -> list[str]:
    """The author-year names in a text, as written: "Foster et al. 2001", "Doma & Deakin 2013"."""
    return [" ".join(m.group(0).replace(",", "").split()) for m in CITATION.finditer(text)]


def normal_name(name: str) -> str:
    """"Foster C et al. 2001" -> "foster 2001"; "Doma and Deakin, 2013" -> "doma & deakin 2013"."""
    m = CITATION.fullmatch(" ".join(name.replace(",", " ").split()))
    if m is None:
        return " ".join(name.casefold().split())
    first, et_al, second, year = m.groups()
    del et_al  # "Foster et al. 2001" is "Foster 2001"
    return " ".join(filter(None, (first, "&" if second else None, second, year))).casefold()


def parse_references(data: Mapping[str, object]) -> References:
    """The list from its JSON form; ReferencesError names the first entry that is not well formed."""
    try:
        refs = tuple(_reference(d) for d in _items(data, "references"))
        conventions = tuple(_convention(d) for d in _items(data, "conventions"))
        about = data["about"]
    except (KeyError, TypeError) as exc:
        raise ReferencesError(f"references: missing or wrong field {exc}") from None
    if not isinstance(about, str):
        raise ReferencesError("references: 'about' must be text")
    result = References(about, refs, conventions)
    for c in conventions:
        unknown = [s for s in c.sources if result.find(s) is None]
        if unknown:
            raise ReferencesError(f"convention {c.name!r} names unknown sources {unknown}")
    return result


def load_references(path: Path) -> References:
    return parse_references(json.loads(path.read_text(encoding="utf-8")))


def _items(data: Mapping[str, object], key: str) -> Iterable[Mapping[str, object]]:
    items = data.get(key, [])
    if not isinstance(items, list) or not all(isinstance(d, dict) for d in items):
        raise ReferencesError(f"references: {key!r} must be a list of objects")
    return items


def _text(d: Mapping[str, object], key: str, required: bool = True) -> str | None:
    value = d.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ReferencesError(f"reference {d.get('cite') or d.get('name')!r}: {key!r} must be text")
    return value


def _reference(d: Mapping[str, object]) -> Reference:
    also = d.get("also", [])
    if not isinstance(also, list) or not all(isinstance(a, str) for a in also):
        raise ReferencesError(f"reference {d.get('cite')!r}: 'also' must be a list of names")
    return Reference(cite=str(_text(d, "cite")), topic=str(_text(d, "topic")), citation=str(_text(d, "citation")),
                     takes=str(_text(d, "takes")), doi=_text(d, "doi", False), url=_text(d, "url", False),
                     convention=_text(d, "convention", False), also=tuple(also))


def _convention(d: Mapping[str, object]) -> Convention:
    sources = d.get("sources", [])
    if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
        raise ReferencesError(f"convention {d.get('name')!r}: 'sources' must be a list of names")
    return Convention(str(_text(d, "name")), str(_text(d, "chose")), str(_text(d, "why")), tuple(sources))


def _without_empty(d: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in d.items() if v not in (None, [], "")}
