// The JSON of a check result (docs/DESIGN.md §6, check --json), written and read back: one shape
// for reports, the per-student files of grade --out and the check child of serve.
#pragma once

#include <nlohmann/json.hpp>

#include "exercises/judge/checker.h"

namespace deltacheck {

/// {"exercise", "score", "max_score", "parts": [{"key", "verdict", "feedback", "score",
/// "max_score", "mistake", "read_as", "proved", "line", "carried_from", "steps": [STEP]}],
/// "problems", "notes", "steps": [STEP with "used_by"]}, STEP being {"key", "verdict",
/// "feedback", "mistake", "read_as", "line"}; a definition's "used_by" is the index in
/// "parts" of the first part using it, -1 for none. Scores that are whole numbers without a
/// fraction. Every field is always there ("" or [] when empty).
nlohmann::ordered_json check_result_json(const CheckResult& r);

/// The CheckResult a check_result_json wrote (the answer file path is not kept): equal to the
/// one written, field for field. Throws nlohmann::json::exception, or std::invalid_argument
/// for an unknown verdict, on a document of another shape.
CheckResult check_result_from_json(const nlohmann::json& doc);

}  // namespace deltacheck
