// An answer file (docs/DESIGN.md §4): KEY = STEP = STEP lines, comments, continuation lines, and
// where every character came from.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/error.h"

namespace deltacheck {

/// Largest answer file read (bytes); larger files are refused whole.
constexpr std::size_t kMaxAnswerFileBytes = 8u << 20;

/// Most lines that are not answers reported per file; the rest are counted, not kept.
constexpr std::size_t kMaxProblemLines = 100;

/// One `KEY = A = B = C`: a chain of steps, the last one the answer. Continuation lines are
/// joined (each `\` and line break read as a space; a logical line beginning with `=` adds its
/// steps to the answer before it), comments removed.
struct Answer {
  std::string text;                        // the joined logical line
  std::size_t key_begin = 0, key_end = 0;  // the key, trimmed, in text
  std::size_t expression_begin = 0;        // the last step, trimmed: text[expression_begin, end)
  /// Every step, trimmed: [begin, end) in text, in order; the last is the expression.
  std::vector<std::pair<std::size_t, std::size_t>> steps;
  int line = 0;  // 1-based line where the answer starts
  /// The key as written.
  std::string key() const { return text.substr(key_begin, key_end - key_begin); }
  /// The last step as written (empty when nothing follows the last '=').
  std::string expression() const { return text.substr(expression_begin); }
  /// Step `i` (0-based) as written.
  std::string step(std::size_t i) const {
    return text.substr(steps[i].first, steps[i].second - steps[i].first);
  }

  // Where text[i] came from: line index (0-based) and byte in that line.
  std::vector<std::pair<int, std::size_t>> origin;
};

/// An answer file read into answers, plus the lines that are not answers (each a UserError
/// with its place: no '=', no key), the first kMaxProblemLines of them kept and the rest
/// counted: memory grows with the answers, not with junk lines.
struct AnswerFile {
  std::string path;
  std::string text;                      // the file's bytes after any byte order mark
  std::vector<std::size_t> line_starts;  // where each line starts in text
  std::vector<Answer> answers;           // in file order
  std::vector<UserError>
      problems;  // lines that could not be split into KEY = EXPRESSION, in file order
  std::size_t problems_left_out = 0;  // further such lines, after the first kMaxProblemLines

  /// Line `index` (0-based) as in the file, without its line end (LF or CRLF).
  std::string line(std::size_t index) const;

  /// File, line, column (in characters, 1-based) and the quoted line of text[offset] of `a`;
  /// offset == text.size() means just after its last character.
  SourceLocation locate(const Answer& a, std::size_t offset) const;
};

/// Splits `content` into answers. `#` and `%` start comments. Never throws: every line that
/// is not `KEY = EXPRESSION`, a continuation `= EXPRESSION` of an answer, blank or a comment
/// becomes a problem (the first kMaxProblemLines kept, the rest
/// counted in problems_left_out), and the other lines are still read. A UTF-8
/// byte order mark and CR of CRLF line ends are ignored.
AnswerFile parse_answer_file(const std::string& content, const std::string& path);

/// The bytes of the regular file at `path`, at most kMaxAnswerFileBytes. Throws UserError
/// naming the path when it cannot be read, is larger, or is not a regular file (a named pipe,
/// device or folder is refused without being opened).
std::string read_answer_text(const std::string& path);

/// Reads and splits the regular file at `path`. Throws UserError as read_answer_text does.
AnswerFile read_answer_file(const std::string& path);

}  // namespace deltacheck
