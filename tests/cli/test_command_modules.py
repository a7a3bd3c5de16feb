"""Each command module in planner/cli/ is registered once, in COMMANDS, and owns its parser and run."""

from __future__ import annotations

import pkgutil

import planner.cli as cli

SHARED = {"common"}


def test_every_command_module_is_in_the_one_list():
    modules = {m.name for m in pkgutil.iter_modules(cli.__path__)} - SHARED
    registered = [m.__name__.rsplit(".", 1)[1] for m in cli.COMMANDS]
    assert sorted(registered) == sorted(modules)
    assert len(set(registered)) == len(registered)


def test_each_command_module_has_add_parser_and_run():
    for module in cli.COMMANDS:
        assert callable(module.add_parser) and callable(module.run), module.__name__


def test_each_sub_command_runs_its_own_module():
    parser = cli.build_parser()
    owners = {}
    for module in cli.COMMANDS:
        module.add_parser(lambda name, help, module=module: owners.setdefault(name, module) and _Sink())
    for name, module in owners.items():
        args = parser.parse_args([name, *_required(name)])
        assert args.module is module, name


class _Sink:
    def add_argument(self, *args, **kwargs):
        return None


def _required(name: str) -> list[str]:
    return {
        "import-plan": ["x.csv"], "export-plan": ["x.csv"], "import-activities": ["x.gpx"],
        "check": ["--from", "2026-01-01", "--to", "2026-01-02"], "log": ["--date", "2026-01-01"],
        "generate": ["--goal", "run", "--start", "2026-01-05", "--weeks", "4"],
        "report": ["--week", "2026-W02"], "backup": ["x.json"], "restore": ["x.json"],
        "print": ["--week", "2026-W02", "-o", "x.pdf"], "export-ics": ["x.ics"],
        "export-workouts": ["--from", "2026-01-01", "--to", "2026-01-02", "watch"],
    }.get(name, [])
