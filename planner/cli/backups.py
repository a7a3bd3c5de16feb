"""`backups`, `backup` and `restore`: the automatic backups listed, everything written to one JSON
file, and a backup put back (the state it replaces is backed up first)."""

from __future__ import annotations

import argparse
from pathlib import Path

from planner.cli.common import EXIT_OK, STDOUT, AddCommand, snapshot, write_stdout_bytes


def add_parser(command: AddCommand) -> None:
    command("backups", "list the automatic backups, newest first: path, date and sessions")
    p = command("backup", "write everything (profile, sessions, templates, logs) to a JSON file")
    p.add_argument("file", metavar="FILE.json", help="the file to write (- for standard output)")
    p = command("restore", "replace the plan with a backup or a file written by backup; the "
                           "current state is backed up first, and nothing changes if the file is wrong")
    p.add_argument("file", metavar="FILE.json", help="the backup to restore")


def run(args: argparse.Namespace, data_dir: Path) -> int:
    return {"backups": list_backups, "backup": backup, "restore": restore}[args.command](args, data_dir)


def list_backups(args: argparse.Namespace, data_dir: Path) -> int:
    from planner.store.recovery import backup_infos, describe

    infos = backup_infos(data_dir)
    if not infos:
        print(f"No backups in {data_dir} yet (one is made at the first start of each day).")
        return EXIT_OK
    for info in infos:
        print(describe(info))
    return EXIT_OK


def backup(args: argparse.Namespace, data_dir: Path) -> int:
    from planner.store.recovery import write_backup

    target = Path(args.file)
    with snapshot(data_dir) as store:
        if args.file == STDOUT:
            write_stdout_bytes(store.storage.dump()[0])
            return EXIT_OK
        count = write_backup(store, target)
    print(f"Backed up {count} session{'s' if count != 1 else ''}, the profile, templates and logs "
          f"of {data_dir} to {target}.")
    return EXIT_OK


def restore(args: argparse.Namespace, data_dir: Path) -> int:
    from planner.store.recovery import restore_file

    result = restore_file(data_dir, Path(args.file))
    before = f" The state it replaced is backed up as {result.previous}." if result.previous else ""
    print(f"Restored {args.file} ({result.sessions} session{'s' if result.sessions != 1 else ''}) "
          f"as {result.path}.{before}")
    return EXIT_OK
