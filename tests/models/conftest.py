from __future__ import annotations

from tests.services.conftest import BUILTINS, MONDAY, env, run  # noqa: F401 - shared fixtures
