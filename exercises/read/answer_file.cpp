// Splitting answer files into KEY = EXPRESSION answers while keeping the file position of every
// byte.
#include "exercises/read/answer_file.h"

#include <cerrno>
#include <cstring>
#include <fstream>

#include "core/input_file.h"
#include "symbolic/tokenizer.h"

namespace deltacheck {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }

// The start of every line of `text`.
std::vector<std::size_t> line_starts(const std::string& text) {
  std::vector<std::size_t> starts;
  for (std::size_t start = 0; start < text.size();) {
    starts.push_back(start);
    const std::size_t end = text.find('\n', start);
    start = end == std::string::npos ? text.size() : end + 1;
  }
  return starts;
}

// Records a line that is not an answer: kept while fewer than kMaxProblemLines are, else counted.
void add_problem(AnswerFile& file, const Answer& current, std::size_t offset, const char* message) {
  if (file.problems.size() < kMaxProblemLines)
    file.problems.emplace_back(file.locate(current, offset), message);
  else
    ++file.problems_left_out;
}

// Reads the logical line in `current` as KEY = EXPRESSION: an answer, a problem, or nothing
// (blank or comment only).
void finish_answer(AnswerFile& file, Answer& current) {
  const std::string& t = current.text;
  std::size_t first = 0;
  while (first < t.size() && is_space(t[first])) ++first;
  if (first == t.size()) return;
  const std::size_t eq = t.find('=');
  if (eq == std::string::npos)
    return add_problem(file, current, first,
                       "expected KEY = EXPRESSION, e.g. dL/dw2_11 = delta2_1*a1_1");
  std::size_t key_end = eq;
  while (key_end > first && is_space(t[key_end - 1])) --key_end;
  if (key_end == first)
    return add_problem(
        file, current, eq,
        "missing key before '=': write KEY = EXPRESSION, e.g. z1_1 = w1_11*x1 + b1_1");
  std::size_t expression = eq + 1;
  while (expression < t.size() && is_space(t[expression])) ++expression;
  std::size_t trimmed = t.size();
  while (trimmed > expression && is_space(t[trimmed - 1])) --trimmed;
  current.text.resize(trimmed);
  current.origin.resize(trimmed);
  current.key_begin = first;
  current.key_end = key_end;
  current.expression_begin = expression;
  file.answers.push_back(std::move(current));
}

}  // namespace

std::string AnswerFile::line(std::size_t index) const {
  const std::size_t start = line_starts[index];
  std::size_t end = text.find('\n', start);
  if (end == std::string::npos) end = text.size();
  if (end > start && text[end - 1] == '\r') --end;
  return text.substr(start, end - start);
}

SourceLocation AnswerFile::locate(const Answer& a, std::size_t offset) const {
  if (a.origin.empty()) return {path, a.line, 1, line_starts.empty() ? "" : line(a.line - 1)};
  std::pair<int, std::size_t> at;
  if (offset < a.origin.size()) {
    at = a.origin[offset];
  } else {
    at = a.origin.back();
    ++at.second;
  }
  const std::string quoted = line(at.first);
  return {path, at.first + 1, static_cast<int>(code_points_before(quoted, at.second)) + 1, quoted};
}

AnswerFile parse_answer_file(const std::string& content, const std::string& path) {
  AnswerFile file;
  file.path = path;
  file.text = content.substr(content.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0);
  file.line_starts = line_starts(file.text);
  Answer current;
  bool open = false;  // a continuation is pending
  for (std::size_t n = 0; n < file.line_starts.size(); ++n) {
    const std::string line = file.line(n);
    std::size_t end = line.find('#');
    if (end == std::string::npos) end = line.size();
    while (end > 0 && is_space(line[end - 1])) --end;
    const bool continues = end > 0 && line[end - 1] == '\\';
    if (continues) --end;
    if (!open) {
      current = Answer();
      current.line = static_cast<int>(n) + 1;
    }
    for (std::size_t i = 0; i < end; ++i) {
      current.text += line[i];
      current.origin.emplace_back(static_cast<int>(n), i);
    }
    open = continues && n + 1 < file.line_starts.size();
    if (continues) {
      current.text += ' ';
      current.origin.emplace_back(static_cast<int>(n), end);
      if (open) continue;
    }
    finish_answer(file, current);
  }
  return file;
}

AnswerFile read_answer_file(const std::string& path) {
  return parse_answer_file(read_answer_text(path), path);
}

std::string read_answer_text(const std::string& path) {
  return read_input_file(
      path, {"answer file", kMaxAnswerFileBytes, "an answer file holds one line per part", false});
}

}  // namespace deltacheck
