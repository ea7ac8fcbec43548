// Describing exercises: the list of the library, and one exercise shown in full (statement, network
// drawing, notation, numbers, parts).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "exercises/model/exercise.h"

namespace deltacheck {

/// One row per exercise: id, kind, parts, points, title (its $...$ formulas as plain text,
/// plain_prose); or a JSON array of objects with those fields (the title as written).
void write_exercise_list(std::ostream& out, const std::vector<Exercise>& exercises, bool json);

/// The exercise as a student reads it (formulas of the title, statement and asks as plain
/// text, plain_prose): title, statement, the network drawn in text with its
/// notation (or the symbols and given names), for a numeric exercise the numbers of
/// `student` and the learning rate, then every part with its points.
void write_exercise(std::ostream& out, const Exercise& ex, const std::string& student);

/// The network drawn in text: one column per layer (name, activation, units by name, the
/// output units as yhat), arrows between the columns.
std::vector<std::string> network_drawing(const Network& net);

/// The notation and the numbers (numeric exercises) as comment-free lines, shared by `show`
/// and the answer template (which prefixes each line with "# ").
std::vector<std::string> exercise_notes(const Exercise& ex, const std::string& student);

}  // namespace deltacheck
