"""`sources`: the studies and conventions behind the app's numbers, as Help > Sources shows them."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from pathlib import Path

from planner.cli.common import EXIT_FAILED, EXIT_OK, AddCommand
from planner.domain.references import CONVENTIONS, Convention, Reference, References
from planner.resources import references

WIDTH = 100


def add_parser(command: AddCommand) -> None:
    p = command("sources", "list the studies and conventions behind the app's numbers, with full citations")
    p.add_argument("words", nargs="*", metavar="WORD",
                   help="show only the entries holding every word (e.g. 'sources spike' or 'sources Foster')")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")


def run(args: argparse.Namespace, data_dir: Path) -> int:
    del data_dir  # the list ships with the app: no data folder is read
    refs = references()
    found, conventions = refs.matching(" ".join(args.words))
    if not found and not conventions:
        print(f"no source holds {' '.join(args.words)!r}; `hybrid-planner sources` lists them all", file=sys.stderr)
        return EXIT_FAILED
    if args.json:
        chosen = References(refs.about, tuple(found), tuple(conventions)).to_json()
        sys.stdout.write(json.dumps(chosen, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(to_text(refs, found, conventions))
    return EXIT_OK


def to_text(refs: References, found: list[Reference], conventions: list[Convention]) -> str:
    shown = f"{len(found)} of {len(refs.references)}" if len(found) < len(refs.references) else len(found)
    lines = [f"Sources ({shown})", *_wrap(refs.about, "")]
    for topic in refs.topics():
        entries = [r for r in found if r.topic == topic]
        if entries:
            lines += ["", topic, "-" * len(topic)]
            for ref in entries:
                lines += ["", ref.cite, *_rows(ref.fields())]
    if conventions:
        lines += ["", CONVENTIONS, "-" * len(CONVENTIONS)]
        for c in conventions:
            lines += ["", c.name, *_rows(c.fields())]
    return "\n".join(lines) + "\n"


def _rows(rows: list[tuple[str, str]]) -> list[str]:
    out: list[str] = []
    for label, text in rows:
        out += _wrap(f"{label}: {text}" if label else text, "  ")
    return out


def _wrap(text: str, indent: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=indent + "  " if indent else "",
                         break_on_hyphens=False, break_long_words=False)
