// A student's grade as bytes, from a grading worker to the grader: every field of the check result
// and the fault, length-prefixed, so the grader copies strings instead of parsing text.
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>

#include "exercises/grade/grader.h"

namespace deltacheck {

/// Largest frame the grader accepts (bytes), as `check` takes from its child: a result quotes
/// an answer file (at most 8 MiB) a few times over at most (a Q1 file whose every part is wrong
/// is about 20 kB).
constexpr std::size_t kMaxGradeFrame = std::size_t{64} << 20;

/// A frame that is not a grade as grade_frame writes it (cut short, too large, an unknown
/// verdict).
struct BadGradeFrame : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// The frame of `g` without its student id (the grader knows whom it asked for) or answer file
/// path: a 4-byte length, then the result's fields in their order of declaration (strings as a
/// 4-byte length and bytes, numbers as their 8 bytes, lists as a 4-byte count and items), then the
/// fault. Byte order and widths are this machine's: the frame never leaves it.
std::string grade_frame(const StudentGrade& g);

/// Takes the first whole frame off the front of `buffer` and returns its grade (student id
/// and path empty); nothing while the frame is incomplete. Equal to the grade written, field for
/// field. Throws BadGradeFrame for a frame longer than kMaxGradeFrame or not of grade_frame's
/// shape.
std::optional<StudentGrade> take_grade_frame(std::string& buffer);

}  // namespace deltacheck
