#!/bin/sh
# check_schema.sh - quizzes/schema.json accepts the sample bank and flags
# broken ones, as an editor's YAML language server would. Needs python3 with
# the jsonschema and yaml modules; without them it says it skipped.
. tests/lib.sh

if ! python3 -c 'import jsonschema, yaml' 2> /dev/null; then
	ok "# SKIP python3 with jsonschema and yaml is not installed"
	exit 0
fi

cat > "$T/validate.py" <<'PY'
import json, sys
import jsonschema, yaml

# YAML 1.2, as language servers read it: dates and yes/no stay text.
class Loader(yaml.SafeLoader):
    pass
import re
Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v
        if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Loader.add_implicit_resolver("tag:yaml.org,2002:bool",
                             re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
schema = json.load(open(sys.argv[1]))
jsonschema.Draft7Validator.check_schema(schema)
validator = jsonschema.Draft7Validator(schema)
for path in sys.argv[2:]:
    errors = list(validator.iter_errors(yaml.load(open(path), Loader=Loader)))
    print("%s %s" % (path, "invalid" if errors else "valid"))
PY

schema=$ROOT/quizzes/schema.json
g=$ROOT/tests/golden/bank
python3 "$T/validate.py" "$schema" "$ROOT/quizzes/china-fentanyl-sanctions.yaml" \
	"$g/missing-id.yaml" "$g/date-malformed.yaml" "$g/unknown-field.yaml" \
	"$g/order-too-few.yaml" "$g/cloze-no-blank.yaml" "$g/version.yaml" \
	"$g/missing-article.yaml" "$g/claim-answer.yaml" "$g/tolerance.yaml" > "$T/verdicts" 2>&1
status=$?
[ $status -eq 0 ] && ok "the schema is a valid draft-07 schema" || not_ok "the schema is a valid draft-07 schema" "$(cat "$T/verdicts")"

verdict() { sed -n "s|^.*/$1 ||p" "$T/verdicts"; }
[ "$(verdict china-fentanyl-sanctions.yaml)" = valid ] && ok "the sample bank is valid" ||
	not_ok "the sample bank is valid" "$(cat "$T/verdicts")"
[ "$(verdict missing-id.yaml)" = valid ] && ok "a bank with warnings only is valid" ||
	not_ok "a bank with warnings only is valid"
for bad in date-malformed unknown-field order-too-few cloze-no-blank version missing-article \
	claim-answer tolerance; do
	[ "$(verdict $bad.yaml)" = invalid ] && ok "the schema flags $bad" || not_ok "the schema flags $bad"
done
