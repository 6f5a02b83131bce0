#!/usr/bin/env python3
"""Helpers of scripts/compare-sqlite.

  sqlite-tables.py STORE DIR      write DIR/load.sql: pupils, open sessions and codes
                                  from the store, and DIR/marks.csv imported, indexed
  sqlite-tables.py --compare DIR  check rollcall's and sqlite3's figures are the same
  sqlite-tables.py --ratios DIR   print the timings hyperfine recorded, as ratios
"""
import datetime
import glob
import json
import os
import statistics
import sys

CATEGORIES = {
    "present": ["/", "\\", "L"],
    "approved": ["K", "V", "P", "W", "B"],
    "authorised": ["C1", "M", "J1", "S", "C2", "C", "T", "R", "I", "E"],
    "unauthorised": ["G", "N", "O", "U"],
    "not_counted": ["D", "X", "Q", "Y1", "Y2", "Y3", "Y4", "Y5", "Y6", "Y7", "Z", "#"],
}


def quote(value):
    return "NULL" if value is None else "'" + str(value).replace("'", "''") + "'"


def tables(store, out):
    rows = []
    for path in sorted(glob.glob(os.path.join(store, "calendar", "*.json"))):
        year = json.load(open(path))
        closed = {}
        for closure in year.get("closures", []):
            closed[closure["date"]] = closure["sessions"].split("+")
        for term in year["terms"]:
            day = datetime.date.fromisoformat(term["start"])
            end = datetime.date.fromisoformat(term["end"])
            while day <= end:
                if day.weekday() < 5:
                    for part in ("AM", "PM"):
                        if part not in closed.get(day.isoformat(), []):
                            rows.append((day.isoformat(), part))
                day += datetime.timedelta(days=1)
    pupils = json.load(open(os.path.join(store, "pupils.json")))["pupils"]
    leavers = os.path.join(store, "leavers.json")  # pupils who left before this year
    if os.path.exists(leavers):
        pupils += json.load(open(leavers))["pupils"]
    with open(os.path.join(out, "load.sql"), "w") as sql:
        sql.write("CREATE TABLE sessions (date TEXT, session TEXT, PRIMARY KEY (date, session)) WITHOUT ROWID;\n")
        sql.write("CREATE TABLE codes (code TEXT PRIMARY KEY, category TEXT);\n")
        sql.write("CREATE TABLE pupils (upn TEXT PRIMARY KEY, surname TEXT, forename TEXT, form TEXT, year_group INTEGER, "
                  "admission_date TEXT, leaving_date TEXT);\n")
        sql.write("CREATE TABLE marks (upn TEXT, date TEXT, session TEXT, code TEXT, minutes_late INTEGER, note TEXT);\n")
        sql.write("BEGIN;\n")
        for date, part in rows:
            sql.write(f"INSERT INTO sessions VALUES ('{date}', '{part}');\n")
        for category, codes in CATEGORIES.items():
            for code in codes:
                sql.write(f"INSERT INTO codes VALUES ({quote(code)}, '{category}');\n")
        for p in pupils:
            sql.write("INSERT INTO pupils VALUES (" + ", ".join(quote(v) for v in (
                p["upn"], p["surname"], p["forename"], p["form"], p["yearGroup"], p.get("admissionDate"), p.get("leavingDate"))) + ");\n")
        sql.write("COMMIT;\n.mode csv\n")
        sql.write(f".import --skip 1 {os.path.join(out, 'marks.csv')} marks\n")
        sql.write("CREATE INDEX marks_by_pupil ON marks (upn, date, session);\nCREATE INDEX marks_by_session ON marks (date, session);\nCREATE INDEX marks_by_code ON marks (code, date);\nANALYZE;\n")


def compare(out):
    for name, key in (("pupils", "upn"), ("penalty", "upn")):
        ours = json.load(open(os.path.join(out, f"rollcall-{name}.json")))
        text = open(os.path.join(out, f"sqlite-{name}.json")).read().strip()
        theirs = json.loads(text) if text else []
        def normal(row):
            return {k: (bool(v) if isinstance(v, bool) or k in ("persistent", "severe") else v) for k, v in row.items()}
        ours = [normal(r) for r in ours]
        theirs = [normal(r) for r in theirs]
        if ours != theirs:
            mismatched = [(a, b) for a, b in zip(ours, theirs) if a != b][:3]
            sys.exit(f"{name}: the figures differ ({len(ours)} rows from rollcall, {len(theirs)} from sqlite3); first: {mismatched}")
        print(f"  {name}: the same {len(ours)} rows from both")


def ratios(out):
    def medians(name):
        results = json.load(open(os.path.join(out, f"{name}-times.json")))["results"]
        return [statistics.median(r["times"]) for r in results]
    print(f"{'what':<40}{'rollcall':>12}{'sqlite3':>12}{'ratio':>8}")
    for name, title in (("pupils", "report pupils --format json"), ("penalty", "report penalty"), ("import", "import the year's marks")):
        ours, theirs = medians(name)
        print(f"{title:<40}{ours * 1000:>10.0f}ms{theirs * 1000:>10.0f}ms{ours / theirs:>8.2f}")


if __name__ == "__main__":
    if sys.argv[1] == "--compare":
        compare(sys.argv[2])
    elif sys.argv[1] == "--ratios":
        ratios(sys.argv[2])
    else:
        tables(sys.argv[1], sys.argv[2])
