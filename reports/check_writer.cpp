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

}  // namespace

void write_check_text(std::ostream& out, const CheckResult& r, bool echo) {
  std::size_t key_width = 4;
  for (const PartResult& p : r.parts) key_width = std::max(key_width, printable(p.key).size());
  const std::size_t verdict_width = 9, score_width = 7;
  out << printable(r.exercise) << ": " << printable(r.answers) << "\n\n";
  const auto pad = [](const std::string& s, std::size_t w) {
    return s + std::string(w > s.size() ? w - s.size() : 0, ' ');
  };
  out << pad("part", key_width) << "  " << pad("verdict", verdict_width) << "  "
      << pad("score", score_width) << "  feedback\n";
  const std::size_t indent = key_width + verdict_width + score_width + 6;
  for (const PartResult& p : r.parts) {
    out << pad(printable(p.key), key_width) << "  " << pad(verdict_name(p.verdict), verdict_width)
        << "  " << pad(number_text(p.score) + "/" + number_text(p.max_score), score_width) << "  "
        << indented(p.feedback, indent) << "\n";
    if (echo && !p.read_as.empty())
      out << std::string(indent, ' ') << "read as: " << printable(p.read_as) << "\n";
  }
  if (!r.problems.empty()) {
    out << "\nlines that are not answers:\n";
    for (const std::string& p : r.problems) out << "  " << indented(p, 2) << "\n";
  }
  if (!r.notes.empty()) {
    out << "\nnotes:\n";
    for (const std::string& n : r.notes) out << "  " << printable_lines(n) << "\n";
  }
  std::size_t correct = 0;
  for (const PartResult& p : r.parts) correct += p.verdict == Verdict::correct;
  out << "\nscore: " << number_text(r.score) << "/" << number_text(r.max_score) << " (" << correct
      << " of " << r.parts.size() << " parts correct)\n";
}

void write_check_json(std::ostream& out, const CheckResult& r) {
  out << check_result_json(r).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
      << "\n";
}

}  // namespace deltacheck
