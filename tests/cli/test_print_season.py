"""`print --season`: the weeks as a block on paper, from the command line."""

from __future__ import annotations

import datetime as dt

from tests.ui.test_printing import _assert_on_page, pdf_pages

MONDAY = dt.date(2026, 11, 23)


def test_cli_prints_a_season(cli, data_dir, tmp_path):
    from planner.resources import builtin_templates
    from planner.services.plan_files import seed_demo
    from planner.store.database import open_store

    store = open_store(data_dir, builtin_templates())
    seed_demo(store, MONDAY)
    store.close()
    code, out, err = cli("--data-dir", data_dir, "print", "--week", "2026-W48", "--weeks", "12", "--season",
                         "-o", tmp_path / "season.pdf", "--paper", "Letter")
    assert code == 0, err
    assert out.startswith("Printed a season of 12 weeks from 2026-W48 · Mon 23 Nov – Sun 29 Nov on ")
    text = " ".join(pdf_pages(tmp_path / "season.pdf"))
    assert "Season · 12 weeks from Mon 23 Nov 2026" in text
    assert "Deload" in text and "Taper" in text  # the demo block's lighter weeks, and its race
    _assert_on_page(tmp_path / "season.pdf")
