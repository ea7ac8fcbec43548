// Splitting answer files into KEY = EXPRESSION answers while keeping the file position of every byte.
#include "exercises/answer_file.h"

#include <cerrno>
#include <cstring>
#include <fstream>

#include "core/input_file.h"
#include "symbolic/tokenizer.h"

namespace deltacheck {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }

std::vector<std::string> split_lines(const std::string& content) {
  std::vector<std::string> lines;
  std::size_t start = content.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  while (start < content.size()) {
    std::size_t end = content.find('\n', start);
    if (end == std::string::npos) end = content.size();
    std::string line = content.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

}  // namespace

SourceLocation AnswerFile::locate(const Answer& a, std::size_t offset) const {
  if (a.origin.empty()) return {path, a.line, 1, lines.empty() ? "" : lines[a.line - 1]};
  std::pair<int, std::size_t> at;
  if (offset < a.origin.size()) {
    at = a.origin[offset];
  } else {
    at = a.origin.back();
    ++at.second;
  }
  const std::string& line = lines[at.first];
  return {path, at.first + 1, static_cast<int>(code_points_before(line, at.second)) + 1, line};
}

AnswerFile parse_answer_file(const std::string& content, const std::string& path) {
  AnswerFile file;
  file.path = path;
  file.lines = split_lines(content);
  Answer current;
  bool open = false;  // a continuation is pending
  for (std::size_t n = 0; n < file.lines.size(); ++n) {
    const std::string& line = file.lines[n];
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
    if (continues) {
      current.text += ' ';
      current.origin.emplace_back(static_cast<int>(n), end);
      open = true;
      if (n + 1 < file.lines.size()) continue;
    }
    open = false;
    const std::string& t = current.text;
    std::size_t first = 0;
    while (first < t.size() && is_space(t[first])) ++first;
    if (first == t.size()) continue;  // blank or comment only
    const std::size_t eq = t.find('=');
    if (eq == std::string::npos) {
      file.problems.emplace_back(file.locate(current, first), "expected KEY = EXPRESSION, e.g. dL/dw2_11 = delta2_1*a1_1");
      continue;
    }
    std::size_t key_end = eq;
    while (key_end > first && is_space(t[key_end - 1])) --key_end;
    if (key_end == first) {
      file.problems.emplace_back(file.locate(current, eq), "missing key before '=': write KEY = EXPRESSION, e.g. z1_1 = w1_11*x1 + b1_1");
      continue;
    }
    std::size_t expression = eq + 1;
    while (expression < t.size() && is_space(t[expression])) ++expression;
    std::size_t trimmed = t.size();
    while (trimmed > expression && is_space(t[trimmed - 1])) --trimmed;
    current.text.resize(trimmed);
    current.origin.resize(trimmed);
    current.key_begin = first;
    current.key_end = key_end;
    current.expression_begin = expression;
    file.answers.push_back(current);
  }
  return file;
}

AnswerFile read_answer_file(const std::string& path) { return parse_answer_file(read_answer_text(path), path); }

std::string read_answer_text(const std::string& path) {
  return read_input_file(path, {"answer file", kMaxAnswerFileBytes, "an answer file holds one line per part", true});
}

}  // namespace deltacheck
