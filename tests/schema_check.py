"""Checks docs/case.schema.json against the case files we have (they must
validate) and against bad ones the parser rejects (they must not). Run by
scripts/test with the test venv (PyPI jsonschema, used only here)."""
import json
import pathlib
import sys

import jsonschema

root = pathlib.Path(__file__).resolve().parents[1]
schema = json.loads((root / "docs/case.schema.json").read_text())
jsonschema.Draft202012Validator.check_schema(schema) if "2020-12" in schema.get("$schema", "") else \
    jsonschema.validators.validator_for(schema).check_schema(schema)
validator = jsonschema.validators.validator_for(schema)(schema)

good = [json.loads(p.read_text()) for p in (root / "examples").glob("*.json")]
for p in sorted((root / "tests/golden/cases").glob("*.json")):
    case = json.loads(p.read_text()).get("case")
    if case:
        good.append(case)
problems = []
for case in good:
    for e in validator.iter_errors(case):
        problems.append(f"{case.get('title', '?')}: {e.json_path}: {e.message}")

base = {"format": "yekuo-case/1", "customer": {"category": "居民", "business": "新装"}}
bad = {
    "unknown field": {**base, "colour": "red"},
    "unknown category": {**base, "customer": {"category": "工业", "business": "新装"}},
    "wrong type": {**base, "customer": {**base["customer"], "voltage_kv": "high"}},
    "missing business": {**base, "customer": {"category": "居民"}},
    "bad date": {**base, "dates": {"accepted": "2010/06/15"}},
    "a notice date and no notice served": {
        **base, "outage": {"date": "2015-05-20", "notice_date": "2015-05-15", "notice_served": False}},
}
for name, case in bad.items():
    if validator.is_valid(case):
        problems.append(f"the schema accepts a case with {name}")
if problems:
    sys.exit("case.schema.json: " + "\n".join(problems))
print(f"case.schema.json: {len(good)} case files valid, {len(bad)} bad ones rejected")
