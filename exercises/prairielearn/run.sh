#!/usr/bin/env bash
# PrairieLearn runs this as an external grader's entrypoint: it grades the answer file the student
# submitted (the one file in /grade/student) and writes /grade/results/results.json.
# Settings, from the environment (the question's externalGradingOptions "environment"):
# DELTACHECK_EXERCISE (the exercise id or YAML path, default assign-q1-squared), DELTACHECK_STUDENT
# (the student id that picks a numeric exercise's numbers, default "student"), DELTACHECK (the
# binary), GRADE_ROOT (default /grade).
set -uo pipefail
root="${GRADE_ROOT:-/grade}"
exercise="${DELTACHECK_EXERCISE:-assign-q1-squared}"
deltacheck="${DELTACHECK:-deltacheck}"
student="${DELTACHECK_STUDENT:-student}"
mkdir -p "$root/results"
rm -f "$root/results/results.json"
# The student folder holds one answer file; none or several is not gradable, with the reason.
"$deltacheck" grade "$exercise" "$root/student" --student "$student" --jobs 1 \
  --prairielearn "$root/results/results.json" > "$root/results/grade.txt" 2>&1
status=$?
if [ ! -s "$root/results/results.json" ]; then
  # deltacheck itself could not run (a missing exercise, a broken installation): not the
  # student's fault, so not gradable (no attempt is used), with the reason.
  message="$(head -c 2000 "$root/results/grade.txt" | tr '"\\' "''" | tr -d '\000-\037')"
  printf '{"gradable": false, "message": "The grader failed (exit %s)", "format_errors": ["%s"]}\n' \
    "$status" "$message" > "$root/results/results.json"
fi
exit 0
