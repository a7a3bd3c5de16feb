"""Template library and profile use cases, undoable like every other change."""

from __future__ import annotations

import dataclasses
import uuid

from PySide6.QtGui import QUndoStack

from planner.domain.profile import Profile
from planner.domain.session import SessionContent, Template
from planner.services.changes import ChangeBus, Changes
from planner.services.commands import StateCommand
from planner.services.plan import PlanService
from planner.store.store import Store


class LibraryService:
    def __init__(self, store: Store, stack: QUndoStack, bus: ChangeBus, runner: PlanService) -> None:
        self.store, self.stack, self.bus, self._runner = store, stack, bus, runner

    def _state(self) -> tuple[list[Template], set[str]]:
        return self.store.templates.user_templates(), self.store.templates.hidden()

    def _set(self, text: str, user: list[Template], hidden: set[str]) -> bool:
        def apply(state: tuple[list[Template], set[str]]) -> None:
            self.store.templates.set_state(*state)

        cmd = StateCommand(text, self.bus, apply, self._state(), (user, hidden), Changes(templates=True))
        return self._runner.run(cmd)

    def save_as_template(self, content: SessionContent, title: str | None = None) -> Template | None:
        user, hidden = self._state()
        if title:
            content = dataclasses.replace(content, title=title)
        t = Template.from_content(content, id=f"user-{uuid.uuid4().hex[:12]}")
        return t if self._set(f"Save '{t.title}' as a template", [*user, t], hidden) else None

    def update_template(self, template: Template) -> bool:
        user, hidden = self._state()
        if not any(t.id == template.id for t in user):
            raise KeyError(f"only your own templates can be edited ({template.id!r} is built in)")
        new = [template if t.id == template.id else t for t in user]
        return self._set(f"Edit template '{template.title}'", new, hidden)

    def remove_template(self, template_id: str) -> bool:
        """Delete a user template, or hide a built-in one (Restore defaults brings it back)."""
        user, hidden = self._state()
        t = self.store.templates.get(template_id)
        if t.builtin:
            return self._set(f"Hide template '{t.title}'", user, hidden | {t.id})
        return self._set(f"Delete template '{t.title}'", [u for u in user if u.id != t.id], hidden)

    def restore_defaults(self) -> bool:
        user, hidden = self._state()
        return bool(hidden) and self._set("Restore default templates", user, set())


class ProfileService:
    def __init__(self, store: Store, bus: ChangeBus, runner: PlanService) -> None:
        self.store, self.bus, self._runner = store, bus, runner

    def get(self) -> Profile:
        return self.store.profile.get()

    def set(self, profile: Profile) -> bool:
        old = self.get()
        if old == profile:
            return True

        def apply(p: Profile) -> None:
            self.store.profile.put(p)

        return self._runner.run(StateCommand("Edit profile", self.bus, apply, old, profile, Changes(profile=True)))
