// The check report as a table for students and as JSON for autograders.
#include "reports/check_writer.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "core/text.h"
#include "core/text_escape.h"
#include "exercises/grade/check_result_json.h"

namespace deltacheck {

namespace {

// Lines after the first are indented to `indent`; control bytes in them are made visible.
std::string indented(const std::string& text, std::size_t indent) {
  std::string out;
  for (char c : printable_lines(text)) {
    out += c;
    if (c == '\n') out += std::string(indent, ' ');
  }
  return out;
}

std::string pad(const std::string& s, std::size_t w) {
  return s + std::string(w > s.size() ? w - s.size() : 0, ' ');
}

// The columns of the table: wide enough for every row shown.
struct Columns {
  std::size_t key = 4, verdict = 9, score = 7;
  std::size_t feedback() const { return key + verdict + score + 6; }
};

void widen_for(Columns& c, const std::string& key, Verdict v) {
  c.key = std::max(c.key, printable(key).size());
  c.verdict = std::max(c.verdict, std::string(verdict_name(v)).size());
}

Columns columns_for(const CheckResult& r) {
  Columns c;
  for (const PartResult& p : r.parts) {
    widen_for(c, p.key, p.verdict);
    for (const StepResult& s : p.steps) widen_for(c, "  " + s.key, s.verdict);
  }
  for (const StepResult& s : r.steps) widen_for(c, "  " + s.key, s.verdict);
  return c;
}

// A step row: the key indented, no score, the feedback, and how the step was read (in the
// feedback column when there is no feedback, else on a line of its own).
void write_step_row(std::ostream& out, const StepResult& s, const Columns& c) {
  std::string row = pad("  " + printable(s.key), c.key) + "  " +
                    pad(verdict_name(s.verdict), c.verdict) + "  " + pad("", c.score) + "  ";
  const std::string reading = s.read_as.empty() ? "" : "read as: " + printable(s.read_as);
  if (s.feedback.empty()) {
    row += reading;
    out << row.substr(0, row.find_last_not_of(' ') + 1) << "\n";
    return;
  }
  out << row << indented(s.feedback, c.feedback()) << "\n";
  if (!reading.empty()) out << std::string(c.feedback(), ' ') << reading << "\n";
}

// Part `i`'s row, its reading when shown, then its chain steps and the definitions it uses
// first.
void write_part_rows(std::ostream& out, const CheckResult& r, std::size_t i, const Columns& c,
                     bool echo) {
  const PartResult& p = r.parts[i];
  std::vector<const StepResult*> under;
  for (const StepResult& s : p.steps) under.push_back(&s);
  for (const StepResult& s : r.steps)
    if (s.used_by == static_cast<int>(i)) under.push_back(&s);
  out << pad(printable(p.key), c.key) << "  " << pad(verdict_name(p.verdict), c.verdict) << "  "
      << pad(number_text(p.score) + "/" + number_text(p.max_score), c.score) << "  "
      << indented(p.feedback, c.feedback()) << "\n";
  const bool show_reading =
      echo || p.verdict == Verdict::carried || p.verdict == Verdict::incomplete || !under.empty();
  if (show_reading && !p.read_as.empty())
    out << std::string(c.feedback(), ' ') << "read as: " << printable(p.read_as) << "\n";
  for (const StepResult* s : under) write_step_row(out, *s, c);
}

// Definitions no part uses, after the table.
void write_unused(std::ostream& out, const CheckResult& r, const Columns& c) {
  const auto unused = [&](const StepResult& s) {
    return s.used_by < 0 || s.used_by >= static_cast<int>(r.parts.size());
  };
  if (std::none_of(r.steps.begin(), r.steps.end(), unused)) return;
  out << "\ndefinitions no part uses:\n";
  for (const StepResult& s : r.steps)
    if (unused(s)) write_step_row(out, s, c);
}

// "score: 3/27 (1 of 27 parts correct, 2 carried)".
void write_score_line(std::ostream& out, const CheckResult& r) {
  std::size_t correct = 0, carried = 0, incomplete = 0;
  for (const PartResult& p : r.parts) {
    correct += p.verdict == Verdict::correct;
    carried += p.verdict == Verdict::carried;
    incomplete += p.verdict == Verdict::incomplete;
  }
  out << "\nscore: " << number_text(r.score) << "/" << number_text(r.max_score) << " (" << correct
      << " of " << r.parts.size() << " parts correct";
  if (carried) out << ", " << carried << " carried";
  if (incomplete) out << ", " << incomplete << " incomplete";
  out << ")\n";
}

}  // namespace

void write_check_text(std::ostream& out, const CheckResult& r, bool echo) {
  const Columns c = columns_for(r);
  out << printable(r.exercise) << ": " << printable(r.answers) << "\n\n";
  out << pad("part", c.key) << "  " << pad("verdict", c.verdict) << "  " << pad("score", c.score)
      << "  feedback\n";
  for (std::size_t i = 0; i < r.parts.size(); ++i) write_part_rows(out, r, i, c, echo);
  write_unused(out, r, c);
  if (!r.problems.empty()) {
    out << "\nlines that are not answers:\n";
    for (const std::string& p : r.problems) out << "  " << indented(p, 2) << "\n";
  }
  if (!r.notes.empty()) {
    out << "\nnotes:\n";
    for (const std::string& n : r.notes) out << "  " << printable_lines(n) << "\n";
  }
  write_score_line(out, r);
}

void write_check_json(std::ostream& out, const CheckResult& r) {
  out << check_result_json(r).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
      << "\n";
}

}  // namespace deltacheck
