// PrairieLearn's external-grader results.json for one graded submission.
#pragma once

#include <cstddef>
#include <string>

#include "exercises/grade/grader.h"

namespace deltacheck {

/// The most bytes one text of the results may hold (a message, an output, a format error);
/// longer ones are cut at a character boundary and say how long they were. PrairieLearn takes
/// results of at most 1 MB: where the whole would be larger (an exercise of many parts, texts
/// that JSON must escape), the limit is halved until it fits.
inline constexpr std::size_t kPrairieLearnTextBytes = 4000;

/// The results of `g` (a submission of `ex`). Gradable (some part answered and read, no
/// fault): {"gradable": true, "score": score/max_score in 0..1, "message": score_line,
/// "output": the problems, notes and definitions no part uses, "tests": one per part in
/// the exercise's order: {"name": the key, "description": what the part asks, "points",
/// "max_points", "message": "VERDICT: FEEDBACK", "output": part_working_text}}. Not
/// gradable (a fault, or every part missing or invalid: nothing in the file was read as an
/// answer): {"gradable": false, "message", "format_errors": [the fault, else each invalid
/// part's located error and each problem line, else what to write]}; PrairieLearn then
/// awards nothing and takes no attempt. Deterministic; under 1 MB (for exercises of fewer
/// than about 5000 parts).
std::string prairielearn_json(const Exercise& ex, const StudentGrade& g);

}  // namespace deltacheck
