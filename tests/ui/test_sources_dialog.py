"""Help > Sources: every source in full, a search that narrows the list, links, and both themes."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from planner.resources import references
from planner.ui.dialogs.sources_dialog import SourcesDialog
from planner.ui.theme import apply_theme, muted_text


def make_dialog(qtbot) -> SourcesDialog:
    dialog = SourcesDialog(references())
    qtbot.addWidget(dialog)
    return dialog


def test_the_dialog_shows_every_source_and_convention_in_full(qtbot):
    refs = references()
    dialog = make_dialog(qtbot)
    text = dialog.browser.toPlainText()
    assert dialog.count.text() == f"{len(refs.references)} sources, {len(refs.conventions)} conventions"
    for ref in refs.references:
        assert ref.cite in text and ref.citation in text and ref.takes in text, ref.cite
    for c in refs.conventions:
        assert c.name in text and c.chose in text and c.why in text, c.name
    html = dialog.browser.toHtml()
    assert 'href="https://doi.org/10.1136/bjsports-2024-109380"' in html
    assert dialog.browser.openExternalLinks()


def test_typing_narrows_the_list_to_the_entries_holding_every_word(qtbot):
    dialog = make_dialog(qtbot)
    qtbot.keyClicks(dialog.search, "spike")
    text = dialog.browser.toPlainText()
    assert dialog.count.text() == f"1 of {len(references().references)} sources, 0 conventions"
    assert "Frandsen 2025" in text and "Nielsen 2014" not in text
    dialog.search.setText("heavy legs 6 h")
    assert "Gaps between heavy legs and a hard run" in dialog.browser.toPlainText()
    dialog.search.setText("zzz")
    assert dialog.browser.toPlainText() == "No source holds \u201czzz\u201d."
    dialog.search.clear()
    assert dialog.count.text().startswith(f"{len(references().references)} sources")


def test_the_topic_index_jumps_to_its_topic(qtbot):
    dialog = make_dialog(qtbot)
    dialog.show()
    qtbot.waitExposed(dialog)
    bar = dialog.browser.verticalScrollBar()
    assert bar.value() == 0
    dialog.browser.scrollToAnchor("topic4")  # what a click on the index's fifth topic does
    assert bar.value() > 0


def test_labels_follow_the_theme(qtbot):
    app = QApplication.instance()
    dialog = make_dialog(qtbot)
    try:
        for theme in ("light", "dark"):
            apply_theme(app, theme)
            QApplication.processEvents()
            muted = muted_text(dialog.browser.palette()).name()
            assert f"color:{muted}" in dialog.browser.toHtml().replace(" ", ""), theme
    finally:
        apply_theme(app, "system")


def test_help_menu_opens_one_sources_window(window, qtbot):
    help_menu = window.menuBar().actions()[-1].menu()
    action = next(a for a in help_menu.actions() if a.text() == "&Sources")
    action.trigger()
    first = window._sources
    assert isinstance(first, SourcesDialog) and first.isVisible()
    action.trigger()
    assert window._sources is first
