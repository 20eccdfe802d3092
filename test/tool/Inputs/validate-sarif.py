"""Validate SARIF files against test/Inputs/sarif-2.1.0-subset.schema.json
(python3-jsonschema, with format checks: uri, uri-reference), then check
what the schema cannot: every result's ruleId is listed in
tool.driver.rules, ruleIndex points at it, every result has its own
initcheck/v1 fingerprint ("<16 hex digits>:<rank>", docs/sarif.md), and
every rule has a shortDescription and a helpUri ending in
docs/checks/<name>.md.

usage: validate-sarif.py SCHEMA FILE..."""
import json
import re
import sys

import jsonschema

schema = json.load(open(sys.argv[1]))
checker = jsonschema.Draft7Validator.FORMAT_CHECKER
validator = jsonschema.Draft7Validator(schema, format_checker=checker)
# Format checks need rfc3987; without it "uri" would pass silently.
assert "uri" in checker.checkers and "uri-reference" in checker.checkers, \
    "jsonschema cannot check the uri formats (install python3-rfc3987)"
status = 0
for path in sys.argv[2:]:
    doc = json.load(open(path))
    errors = sorted(validator.iter_errors(doc), key=str)
    for e in errors:
        print("%s: %s at %s" % (path, e.message, "/".join(map(str, e.path))))
        status = 1
    if errors:
        continue
    for run in doc["runs"]:
        rules = run["tool"]["driver"].get("rules", [])
        ids = [r["id"] for r in rules]
        for r in rules:
            name = r["id"][len("initcheck-"):]
            if not r["id"].startswith("initcheck-") or \
                    not r["helpUri"].endswith("docs/checks/%s.md" % name) or \
                    not r["shortDescription"]["text"]:
                print("%s: bad rule %s" % (path, r["id"]))
                status = 1
        prints = set()
        for res in run.get("results", []):
            if res["ruleId"] not in ids or ids[res["ruleIndex"]] != res["ruleId"]:
                print("%s: result of unlisted rule %s" % (path, res["ruleId"]))
                status = 1
            fp = res.get("partialFingerprints", {}).get("initcheck/v1", "")
            if not re.fullmatch(r"[0-9a-f]{16}:[1-9][0-9]*", fp) or fp in prints:
                print("%s: result without its own initcheck/v1 fingerprint: %r" % (path, fp))
                status = 1
            prints.add(fp)
    if status == 0:
        print("%s: valid SARIF 2.1.0 (%d results)" %
              (path, sum(len(r.get("results", [])) for r in doc["runs"])))
sys.exit(status)
