"""Template library and profile use cases, each one operation like every other change."""

from __future__ import annotations

import dataclasses
import uuid

from planner.domain.effort import HeartRateEvidence
from planner.domain.profile import Profile
from planner.domain.session import SessionContent, Template
from planner.services.changes import Changes
from planner.services.heart_rates import heart_rate_evidence
from planner.services.operations import StateOp
from planner.services.runner import Runner
from planner.store.store import Store

LibraryState = tuple[list[Template], set[str]]  # the user's templates, the hidden built-in ids


def _write_library(store: Store, state: LibraryState) -> None:
    store.templates.set_state(*state)


def _write_profile(store: Store, profile: Profile) -> None:
    store.profile.put(profile)


class LibraryService:
    def __init__(self, runner: Runner) -> None:
        self.runner = runner
        self.store = runner.store

    def _state(self) -> LibraryState:
        return self.store.templates.user_templates(), self.store.templates.hidden()

    def _set(self, text: str, user: list[Template], hidden: set[str]) -> bool:
        op = StateOp(text, _write_library, self._state(), (user, hidden), Changes(templates=True))
        return self.runner.run(op)

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
    def __init__(self, runner: Runner) -> None:
        self.runner = runner
        self.store = runner.store

    def get(self) -> Profile:
        return self.store.profile.get()

    def heart_rate_evidence(self) -> HeartRateEvidence:
        """What the profile's unset heart rates are estimated from (shown beside its fields)."""
        return heart_rate_evidence(self.store)

    def set(self, profile: Profile) -> bool:
        old = self.get()
        if old == profile:
            return True
        return self.runner.run(StateOp("Edit profile", _write_profile, old, profile, Changes(profile=True)))
