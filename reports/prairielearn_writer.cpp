// PrairieLearn results: a score in 0..1 and one test per part, or the format errors of a
// submission nothing of which could be read.
#include "reports/prairielearn_writer.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/text.h"
#include "reports/grade_writer.h"

namespace deltacheck {

namespace {

constexpr std::size_t kResultsBytes = 1000000;  // PrairieLearn takes results of at most 1 MB

// `text` cut to at most `limit` bytes at a character boundary, saying how much was cut.
std::string bounded(const std::string& text, std::size_t limit) {
  if (text.size() <= limit) return text;
  const std::string tail_note = "\n... (" + std::to_string(text.size()) + " bytes, cut)";
  std::size_t end = limit > tail_note.size() ? limit - tail_note.size() : 0;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end) + tail_note;
}

// Something in the file was read as an answer, and the submission had no fault.
bool gradable(const StudentGrade& g) {
  if (!g.fault.empty()) return false;
  return std::any_of(g.result.parts.begin(), g.result.parts.end(), [](const PartResult& p) {
    return p.verdict != Verdict::missing && p.verdict != Verdict::invalid;
  });
}

// Why nothing was graded, each message located where the file gives a place.
std::vector<std::string> format_errors(const Exercise& ex, const StudentGrade& g) {
  if (!g.fault.empty()) return {g.fault};
  std::vector<std::string> out;
  for (const PartResult& p : g.result.parts)
    if (p.verdict == Verdict::invalid) out.push_back(p.feedback);
  for (const std::string& p : g.result.problems) out.push_back(p);
  if (out.empty())
    out.push_back(
        "no part is answered: write each answer on a line KEY = EXPRESSION, the keys "
        "being " +
        join(ex.parts, ", ", [](const Part& p) { return p.answer_key; }));
  return out;
}

// What part `i` asks, without the key in front ("the pre-activation of unit 1 of layer 1").
std::string description(const Exercise& ex, std::size_t i) {
  if (i >= ex.parts.size()) return "";
  const std::string text = describe_part(ex.parts[i], ex);
  const std::string prefix = ex.parts[i].answer_key + ": ";
  return starts_with(text, prefix) ? text.substr(prefix.size()) : text;
}

nlohmann::ordered_json tests_json(const Exercise& ex, const CheckResult& r, std::size_t limit) {
  nlohmann::ordered_json tests = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < r.parts.size(); ++i) {
    const PartResult& p = r.parts[i];
    tests.push_back(
        {{"name", p.key},
         {"description", bounded(description(ex, i), limit)},
         {"points", p.score},
         {"max_points", p.max_score},
         {"message", bounded(std::string(verdict_name(p.verdict)) + ": " + p.feedback, limit)},
         {"output", bounded(part_working_text(r, i), limit)}});
  }
  return tests;
}

// The problems, notes and definitions no part uses, as one text.
std::string general_output(const CheckResult& r) {
  std::vector<std::string> blocks;
  if (!r.problems.empty())
    blocks.push_back("lines that are not answers:\n" + join(r.problems, "\n"));
  if (!r.notes.empty()) blocks.push_back("notes:\n" + join(r.notes, "\n"));
  const std::string unused = unused_definitions_text(r);
  if (!unused.empty()) blocks.push_back("definitions no part uses:\n" + unused);
  return join(blocks, "\n\n");
}

// The results with every text cut to at most `limit` bytes.
nlohmann::ordered_json results(const Exercise& ex, const StudentGrade& g, std::size_t limit) {
  const CheckResult& r = g.result;
  nlohmann::ordered_json doc;
  if (!gradable(g)) {
    doc["gradable"] = false;
    doc["message"] =
        bounded("deltacheck " + r.exercise + ": nothing was graded" +
                    (g.fault.empty() ? ": no line of the file could be read as an answer; fix the "
                                       "lines below and submit again"
                                     : ": the submission could not be graded"),
                limit);
    nlohmann::ordered_json errors = nlohmann::ordered_json::array();
    for (const std::string& e : format_errors(ex, g)) errors.push_back(bounded(e, limit));
    doc["format_errors"] = errors;
    return doc;
  }
  doc["gradable"] = true;
  doc["score"] = r.max_score > 0 ? std::clamp(r.score / r.max_score, 0.0, 1.0) : 0.0;
  doc["message"] = bounded(score_line(r), limit);
  doc["output"] = bounded(general_output(r), limit);
  doc["tests"] = tests_json(ex, r, limit);
  return doc;
}

}  // namespace

std::string prairielearn_json(const Exercise& ex, const StudentGrade& g) {
  // Escaping can make a text up to six times longer in JSON (control bytes as \u00XX), so the
  // size is measured on the written document.
  for (std::size_t limit = kPrairieLearnTextBytes;; limit /= 2) {
    const std::string text =
        results(ex, g, limit)
            .dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) +
        "\n";
    if (text.size() < kResultsBytes || limit < 64) return text;
  }
}

}  // namespace deltacheck
