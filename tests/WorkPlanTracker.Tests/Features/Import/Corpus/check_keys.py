#!/usr/bin/env python3
"""Checks every answer key in keys/ against its plan in plans/ (run: python3 check_keys.py [NN ...]).

For each key: the plan file (same stem as the key) exists, task_count == len(tasks), every task's
text_start is found at char_offset (a Python string index into the UTF-8 text), unit lists hold
non-empty strings, deadlines are ISO dates or null, and the required fields are present.
Exit status 1 when any check fails.
"""
import datetime
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REQUIRED_TOP = ["title", "year", "issuer", "format", "conventions", "task_count", "tasks"]
REQUIRED_TASK = ["number", "marker_as_written", "text_start", "char_offset", "lead_units",
                 "supporting_units", "deadline_raw", "deadline", "ongoing"]


def plan_for(stem):
    for name in os.listdir(os.path.join(HERE, "plans")):
        if name.rsplit(".", 1)[0] == stem:
            return os.path.join(HERE, "plans", name)
    return None


def is_iso(value):
    try:
        datetime.date.fromisoformat(value)
        return True
    except (TypeError, ValueError):
        return False


def check(key_path):
    errors = []
    stem = os.path.basename(key_path)[:-len(".json")]
    with open(key_path, encoding="utf-8") as f:
        key = json.load(f)
    plan = plan_for(stem)
    if plan is None:
        return [f"{stem}: no plan file with this stem in plans/"]
    with open(plan, encoding="utf-8") as f:
        text = f.read()
    for field in REQUIRED_TOP:
        if field not in key:
            errors.append(f"{stem}: missing top-level field {field}")
    tasks = key.get("tasks", [])
    if key.get("task_count") != len(tasks):
        errors.append(f"{stem}: task_count {key.get('task_count')} != {len(tasks)} tasks")
    numbers = set()
    last_offset = -1
    for t in tasks:
        label = f"{stem} task {t.get('number')}"
        for field in REQUIRED_TASK:
            if field not in t:
                errors.append(f"{label}: missing {field}")
        if t.get("number") in numbers:
            errors.append(f"{label}: duplicate number")
        numbers.add(t.get("number"))
        start, offset = t.get("text_start", ""), t.get("char_offset", -1)
        if not start or text[offset:offset + len(start)] != start:
            found = text.find(start) if start else -1
            errors.append(f"{label}: text_start not at char_offset {offset} (first found at {found})")
        if offset <= last_offset:
            errors.append(f"{label}: char_offset {offset} not after the previous task's {last_offset}")
        last_offset = offset
        for field in ("lead_units", "supporting_units"):
            units = t.get(field)
            if not isinstance(units, list) or not all(isinstance(u, str) and u.strip() for u in units):
                errors.append(f"{label}: {field} must be a list of non-empty strings")
        if t.get("deadline") is not None and not is_iso(t["deadline"]):
            errors.append(f"{label}: deadline {t['deadline']!r} is not an ISO date")
        if not isinstance(t.get("ongoing"), bool):
            errors.append(f"{label}: ongoing must be true or false")
    return errors


def main(argv):
    keys_dir = os.path.join(HERE, "keys")
    names = sorted(n for n in os.listdir(keys_dir) if n.endswith(".json"))
    if len(argv) > 1:
        names = [n for n in names if any(n.startswith(prefix) for prefix in argv[1:])]
    failures = 0
    for name in names:
        errors = check(os.path.join(keys_dir, name))
        with open(os.path.join(keys_dir, name), encoding="utf-8") as f:
            count = json.load(f).get("task_count")
        print(f"{'FAIL' if errors else 'ok  '} {name} ({count} tasks)")
        for e in errors:
            print("     " + e)
        failures += bool(errors)
    print(f"{len(names) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
