"""Help > Sources: the studies and conventions behind the app's numbers, searchable, in both themes.

Every tooltip and message names its source by author and year ("Frandsen 2025"); this is where the
user finds what that name means: the full citation, a link, what the app takes from it and, where a
number is the app's own choice, what it chose and why. The list is resources/references.json.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QTextBrowser, QVBoxLayout, QWidget

from planner.domain.references import CONVENTIONS, Convention, Reference, References
from planner.ui.theme import muted_text


class SourcesDialog(QDialog):
    def __init__(self, refs: References, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.refs = refs
        self.setWindowTitle("Sources")
        self.resize(860, 680)
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText("Search: an author, a year, a topic or a number (e.g. Foster, spike, 90 min)")
        self.search.setClearButtonEnabled(True)
        self.count = QLabel(self)
        self.count.setObjectName("count")
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("sources")
        self.browser.setOpenExternalLinks(True)
        self.browser.document().setDocumentMargin(12)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        intro = QLabel(escape(refs.about), self)
        intro.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.search)
        layout.addWidget(self.count)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self.show_matching)
        self.browser.installEventFilter(self)
        self.show_matching("")

    def show_matching(self, words: str) -> None:
        found, conventions = self.refs.matching(words)
        total = len(self.refs.references)
        shown = f"{len(found)} of {total} sources" if words.strip() else f"{total} sources"
        self.count.setText(f"{shown}, {len(conventions)} conventions")
        if not found and not conventions:
            self.browser.setHtml(f"<p>No source holds \u201c{escape(words.strip())}\u201d.</p>")
            return
        self.browser.setHtml(sources_html(self.refs, found, conventions, self.browser.palette()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.browser and event.type() == QEvent.Type.PaletteChange:
            self.show_matching(self.search.text())  # the muted labels follow the theme
        return super().eventFilter(watched, event)


def sources_html(refs: References, found: list[Reference], conventions: list[Convention],
                 palette: QPalette) -> str:
    """The entries as rich text, grouped by topic, labels in the theme's muted colour."""
    muted = muted_text(palette).name()
    groups = [(topic, [_entry(r.cite, r.fields(), muted) for r in found if r.topic == topic])
              for topic in refs.topics()]
    groups.append((CONVENTIONS, [_entry(c.name, c.fields(), muted) for c in conventions]))
    groups = [(topic, entries) for topic, entries in groups if entries]
    index = " \u00b7 ".join(f'<a href="#topic{i}">{escape(topic)}</a>' for i, (topic, _) in enumerate(groups))
    parts = [f"<p>{index}</p>"] if len(groups) > 1 else []
    for i, (topic, entries) in enumerate(groups):
        parts.append(f'<h3><a name="topic{i}"></a>{escape(topic)}</h3>')
        parts += entries
    return "".join(parts)


def _entry(title: str, rows: list[tuple[str, str]], muted: str) -> str:
    lines = []
    for label, text in rows:
        if label == "Link":
            lines.append(f'<a href="{escape(text, quote=True)}">{escape(text)}</a>')
        elif label:
            lines.append(f'<span style="color:{muted}">{escape(label)}:</span> {escape(text)}')
        else:
            lines.append(escape(text))
    body = "<br>".join(lines)
    return f'<p style="margin-bottom:10px"><b>{escape(title)}</b><br>{body}</p>'

