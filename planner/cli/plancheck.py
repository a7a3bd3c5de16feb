"""The plan-check commands: `check` (findings of a range, numbered; `--fix N` applies the first fix
of finding N) and `log` (a day's readiness entry)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from planner.cli.common import EXIT_OK, AddCommand, builtin_templates, number, open_store, snapshot, usage_error
from planner.domain.weeks import parse_date


def add_parser(command: AddCommand) -> None:
    p = command("check", "the plan check: findings of a range of days, numbered")
    p.add_argument("--from", dest="first", metavar="DATE", required=True, help="first day (YYYY-MM-DD)")
    p.add_argument("--to", dest="last", metavar="DATE", required=True, help="last day (YYYY-MM-DD)")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.add_argument("--fix", metavar="N", type=int, help="apply the first fix of finding N (one undoable change)")

    p = command("log", "log how you feel on a day: sleep, fatigue, soreness, mood (1-5), resting heart rate")
    p.add_argument("--date", metavar="DATE", required=True, help="the day (YYYY-MM-DD)")
    p.add_argument("--sleep", metavar="H", type=number, help="hours slept")
    p.add_argument("--fatigue", metavar="N", type=int, help="1 (fresh) to 5 (exhausted)")
    p.add_argument("--soreness", metavar="N", type=int, help="1 (none) to 5 (very sore)")
    p.add_argument("--mood", metavar="N", type=int, help="1 (low) to 5 (great)")
    p.add_argument("--rhr", metavar="BPM", type=int, help="resting heart rate")


def run(args: argparse.Namespace, data_dir: Path) -> int:
    return check(args, data_dir) if args.command == "check" else log(args, data_dir)


def format_findings(findings: list, numbered: bool = True) -> list[str]:
    """Findings as text: number, severity, day, title, the reason and the fixes."""
    lines: list[str] = []
    for n, f in enumerate(findings, 1):
        head = f"{n}. " if numbered else "- "
        lines.append(f"{head}[{f.severity.value}] {f.day:%a} {f.day.day} {f.day:%b}: {f.title} ({f.rule})")
        lines.append(f"   {f.message}")
        for fix in f.fixes:
            lines.append(f"   fix: {fix.text}")
    return lines


def check(args: argparse.Namespace, data_dir: Path) -> int:
    from planner.services.plancheck import PlanCheck

    first, last = parse_date("from", args.first), parse_date("to", args.last)
    if last < first:
        raise usage_error("--to must not be before --from")
    if args.fix is not None:
        return _fix(args.fix, first, last, data_dir)
    with snapshot(data_dir, builtin_templates()) as store:  # only reads: runs while the window is open
        findings = PlanCheck(store).findings(first, last)
    if args.json:
        sys.stdout.write(json.dumps({"from": first.isoformat(), "to": last.isoformat(),
                                     "findings": [f.to_json() for f in findings]}, indent=2,
                                    ensure_ascii=False) + "\n")
    elif findings:
        sys.stdout.write("\n".join(format_findings(findings)) + "\n")
    else:
        print(f"No findings from {first} to {last}.")
    return EXIT_OK


def _fix(n: int, first: dt.date, last: dt.date, data_dir: Path) -> int:
    """`check --fix N`: the first fix of finding N, applied as one change (this one writes)."""
    from planner.services.fixes import apply_fix
    from planner.services.plancheck import PlanCheck
    from planner.services.runner import DirectRunner

    with open_store(data_dir, builtin_templates()) as store:
        plan_check = PlanCheck(store)
        findings = plan_check.findings(first, last)
        if not 1 <= n <= len(findings):
            raise usage_error(f"there is no finding {n} (the range has {len(findings)})")
        f = findings[n - 1]
        if not f.fixes:
            raise usage_error(f"finding {n} ({f.rule}) has no fix to apply")
        apply_fix(DirectRunner(store), f.fixes[0], plan_check.today)
    print(f"Applied: {f.fixes[0].text}")
    return EXIT_OK


def log(args: argparse.Namespace, data_dir: Path) -> int:
    from planner.domain.profile import ReadinessEntry
    from planner.services.readiness import ReadinessService, readiness_summary
    from planner.services.runner import DirectRunner

    day = parse_date("date", args.date)
    with open_store(data_dir, builtin_templates()) as store:
        service = ReadinessService(DirectRunner(store))
        old = service.get(day)
        values = {"sleep_h": args.sleep, "fatigue": args.fatigue, "soreness": args.soreness,
                  "mood": args.mood, "resting_hr": args.rhr}
        kept = {k: getattr(old, k) for k in values} if old is not None else {}
        merged = {**kept, **{k: v for k, v in values.items() if v is not None}}
        entry = ReadinessEntry(day, **merged)  # validates: ValidationError -> exit 2
        service.set(day, entry)
    print(f"{day}: {readiness_summary(entry) or 'nothing logged'}")
    return EXIT_OK
