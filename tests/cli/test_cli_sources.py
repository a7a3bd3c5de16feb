"""`hybrid-planner sources`: the shipped list of sources, in full, searchable, as text or JSON."""

from __future__ import annotations

import json

from planner.resources import references


def test_sources_lists_every_reference_and_convention_with_its_full_citation(cli, default_data_dir):
    rc, out, err = cli("sources")
    refs = references()
    assert (rc, err) == (0, "")
    assert out.startswith(f"Sources ({len(refs.references)})\n")
    for ref in refs.references:
        assert f"\n{ref.cite}\n" in out
    for c in refs.conventions:
        assert f"\n{c.name}\n" in out
    assert "\nRunning and lifting together\n----------------------------\n" in out
    assert ("\nSporer & Wenger 2003\n"
            "  Sporer BC, Wenger HA. Effects of aerobic exercise on strength performance following various\n"
            "    periods of recovery. J Strength Cond Res 2003;17(4):638-644.\n"
            "  What the app takes: Running cut later leg strength, not upper-body strength: a hard upper-body\n"
            "    lift after a hard run is at most information, never an alert.\n") in out
    assert max(len(line) for line in out.splitlines()) <= 100
    assert "  Link: https://doi.org/10.1136/bjsports-2024-109380\n" in out
    assert not default_data_dir.exists()  # the list ships with the app: no data folder is made


def test_sources_with_words_shows_only_the_entries_holding_all_of_them(cli):
    rc, out, _ = cli("sources", "spike", "30")
    assert rc == 0
    assert out.startswith(f"Sources (1 of {len(references().references)})\n")
    assert "\nFrandsen 2025\n" in out and "Nielsen 2014" not in out
    assert "Conventions" not in out


def test_sources_json_is_the_list_itself(cli):
    rc, out, _ = cli("sources", "--json")
    data = json.loads(out)
    assert rc == 0
    assert data == references().to_json()
    thomas = next(r for r in data["references"] if r["cite"] == "Thomas 2016")
    assert thomas["also"] == ["ACSM/AND/DC 2016"]
    assert thomas["doi"] == "10.1249/MSS.0000000000000852"
    assert set(thomas) == {"cite", "also", "topic", "citation", "doi", "takes", "convention"}


def test_sources_json_with_words_filters_both_lists(cli):
    rc, out, _ = cli("sources", "--json", "ISO", "weeks")
    data = json.loads(out)
    assert rc == 0
    assert data["references"] == []
    assert [c["name"] for c in data["conventions"]] == ["Weeks"]


def test_sources_with_no_match_says_so_and_fails(cli):
    assert cli("sources", "zzz") == (
        1, "", "no source holds 'zzz'; `hybrid-planner sources` lists them all\n")
