// Splitting answer files into KEY = EXPRESSION answers while keeping the file position of every
// byte.
#include "exercises/read/answer_file.h"

#include <cerrno>
#include <cstring>
#include <fstream>

#include "core/input_file.h"
#include "symbolic/notation.h"
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

// The logical line in the answer syntax (symbolic/notation.h: Unicode, LaTeX, Python), each
// byte keeping the file position of the byte it came from. False, with the located problem
// added, when the line's notation cannot be rewritten (an unknown LaTeX command).
bool apply_notation(AnswerFile& file, Answer& a) {
  NotationText n;
  try {
    n = canonical_notation(a.text);
  } catch (const ExpressionError& e) {
    add_problem(file, a, e.offset(), e.what());
    return false;
  }
  if (n.text == a.text) return true;
  std::vector<std::pair<int, std::size_t>> origin;
  origin.reserve(n.text.size());
  for (std::size_t i = 0; i < n.text.size(); ++i) {
    const std::size_t from = n.source[i];
    if (from < a.origin.size()) {
      origin.push_back(a.origin[from]);
    } else {  // after the line's last byte
      origin.push_back(a.origin.back());
      ++origin.back().second;
    }
  }
  a.text = std::move(n.text);
  a.origin = std::move(origin);
  return true;
}

// True for an '=' that separates steps (not part of <=, >=, != or ==).
bool is_step_sign(const std::string& t, std::size_t i) {
  if (t[i] != '=') return false;
  const bool before =
      i > 0 && (t[i - 1] == '<' || t[i - 1] == '>' || t[i - 1] == '!' || t[i - 1] == '=');
  const bool after = i + 1 < t.size() && t[i + 1] == '=';
  return !before && !after;
}

// Splits text[from, end) at every step sign into trimmed steps.
void split_steps(Answer& a, std::size_t from) {
  const std::string& t = a.text;
  a.steps.clear();
  std::size_t begin = from;
  for (std::size_t i = from; i <= t.size(); ++i) {
    if (i < t.size() && !is_step_sign(t, i)) continue;
    std::size_t b = begin, e = i;
    while (b < e && is_space(t[b])) ++b;
    while (e > b && is_space(t[e - 1])) --e;
    a.steps.emplace_back(b, e);
    begin = i + 1;
  }
  a.expression_begin = a.steps.back().first;
}

// The first '=' of `t` that separates steps, or npos.
std::size_t first_step_sign(const std::string& t) {
  for (std::size_t i = 0; i < t.size(); ++i)
    if (is_step_sign(t, i)) return i;
  return std::string::npos;
}

// Adds the logical line `current`, which begins with '=', to the chain of the answer before it.
void continue_answer(AnswerFile& file, Answer& current, std::size_t first, bool chain_open) {
  if (file.answers.empty() || !chain_open)
    return add_problem(file, current, first,
                       "a line beginning with '=' continues the answer before it, and there is "
                       "none: write KEY = EXPRESSION with a key of the exercise");
  Answer& last = file.answers.back();
  last.text += ' ';
  last.origin.push_back(current.origin[first]);
  last.text += current.text;
  last.origin.insert(last.origin.end(), current.origin.begin(), current.origin.end());
  split_steps(last, first_step_sign(last.text) + 1);
}

// Reads the logical line in `current` as KEY = STEP = STEP.., a continuation `= STEP..`, a
// problem, or nothing (blank or comment only). `chain_open`: the last logical line that was
// not blank was an answer, which a continuation may extend.
void finish_line(AnswerFile& file, Answer& current, bool& chain_open);

// Where one logical line holds several answers: a ';' between them, or a definition added with
// "where" (dL/dw3_11 = delta3_1*a2_1 where delta3_1 = ...): the offsets where each next one
// starts, after its separator. Separators inside parentheses are not looked for (none is read).
std::vector<std::pair<std::size_t, std::size_t>> answer_separators(const std::string& t) {
  std::vector<std::pair<std::size_t, std::size_t>> cuts;  // (separator start, next start)
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == ';') {
      cuts.emplace_back(i, i + 1);
      continue;
    }
    const bool word_start = i > 0 && (is_space(t[i - 1]) || t[i - 1] == ',');
    if (word_start && t.compare(i, 5, "where") == 0 && i + 5 < t.size() && is_space(t[i + 5])) {
      std::size_t begin = i;
      while (begin > 0 && (is_space(t[begin - 1]) || t[begin - 1] == ',')) --begin;
      cuts.emplace_back(begin, i + 5);
    }
  }
  return cuts;
}

// The logical line `current` in the answer syntax, each answer on it read in turn.
// A line of a write-up may end its sentence: "dL/db3_1 = delta3_1." or "...,": the final
// full stops and commas are dropped (no answer ends in one).
void drop_sentence_end(Answer& a) {
  std::size_t end = a.text.size();
  while (end > 0 && (is_space(a.text[end - 1]) || a.text[end - 1] == '.' || a.text[end - 1] == ','))
    --end;
  a.text.resize(end);
  a.origin.resize(end);
}

void finish_answer(AnswerFile& file, Answer& current, bool& chain_open) {
  if (!apply_notation(file, current)) return;
  drop_sentence_end(current);
  const auto cuts = answer_separators(current.text);
  if (cuts.empty()) return finish_line(file, current, chain_open);
  std::size_t start = 0;
  for (std::size_t k = 0; k <= cuts.size(); ++k) {
    const std::size_t end = k < cuts.size() ? cuts[k].first : current.text.size();
    Answer piece;
    piece.text = current.text.substr(start, end - start);
    piece.origin.assign(current.origin.begin() + static_cast<std::ptrdiff_t>(start),
                        current.origin.begin() + static_cast<std::ptrdiff_t>(end));
    piece.line = piece.origin.empty() ? current.line : piece.origin.front().first + 1;
    finish_line(file, piece, chain_open);
    if (k < cuts.size()) start = cuts[k].second;
  }
}

// Reads one answer's text (already in the answer syntax).
void finish_line(AnswerFile& file, Answer& current, bool& chain_open) {
  const std::string& t = current.text;
  std::size_t first = 0;
  while (first < t.size() && is_space(t[first])) ++first;
  if (first == t.size()) return;
  std::size_t trimmed = t.size();
  while (trimmed > first && is_space(t[trimmed - 1])) --trimmed;
  current.text.resize(trimmed);
  current.origin.resize(trimmed);
  const std::size_t eq = first_step_sign(t);
  if (eq == first) return continue_answer(file, current, first, chain_open);
  chain_open = false;
  if (eq == std::string::npos)
    return add_problem(
        file, current, first,
        "expected KEY = EXPRESSION: a key of the exercise (deltacheck template EXERCISE "
        "lists them), '=', then the answer");
  std::size_t key_end = eq;
  while (key_end > first && is_space(t[key_end - 1])) --key_end;
  current.key_begin = first;
  current.key_end = key_end;
  split_steps(current, eq + 1);
  file.answers.push_back(std::move(current));
  chain_open = true;
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
  bool open = false;        // a continuation is pending
  bool chain_open = false;  // a line beginning with '=' may continue the last answer
  for (std::size_t n = 0; n < file.line_starts.size(); ++n) {
    const std::string line = file.line(n);
    std::size_t end = line.find_first_of("#%");
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
    finish_answer(file, current, chain_open);
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
