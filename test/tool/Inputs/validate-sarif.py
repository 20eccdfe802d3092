"""Validate SARIF files against test/Inputs/sarif-2.1.0-subset.schema.json
(python3-jsonschema, with format checks: uri, uri-reference), then check
what the schema cannot: every result's ruleId is listed in
tool.driver.rules, ruleIndex points at it, and every rule has a
shortDescription and a helpUri ending in docs/checks/<name>.md.

usage: validate-sarif.py SCHEMA FILE..."""
import json
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
        for res in run.get("results", []):
            if res["ruleId"] not in ids or ids[res["ruleIndex"]] != res["ruleId"]:
                print("%s: result of unlisted rule %s" % (path, res["ruleId"]))
                status = 1
    if status == 0:
        print("%s: valid SARIF 2.1.0 (%d results)" %
              (path, sum(len(r.get("results", [])) for r in doc["runs"])))
sys.exit(status)
