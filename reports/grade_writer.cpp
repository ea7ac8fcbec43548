// Gradebooks and summaries: CSV, Gradescope JSON, per-student JSON, and the class summary in text
// and JSON.
#include "reports/grade_writer.h"

#include <algorithm>
#include <iomanip>
#include <sstream>

#include "core/text.h"
#include "core/text_escape.h"
#include "exercises/grade/check_result_json.h"

namespace deltacheck {

namespace {

std::string dump(const nlohmann::ordered_json& doc) {
  return doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace

std::string gradebook_csv(const Exercise& ex, const std::vector<StudentGrade>& grades) {
  std::vector<const StudentGrade*> sorted;
  for (const StudentGrade& g : grades) sorted.push_back(&g);
  std::stable_sort(sorted.begin(), sorted.end(), [](const StudentGrade* a, const StudentGrade* b) {
    return a->student < b->student;
  });
  std::string out = "student,score,max_score";
  for (const Part& p : ex.parts) out += "," + csv_cell(p.answer_key);
  out += "\n";
  for (const StudentGrade* g : sorted) {
    out += csv_cell(g->student) + "," + number_text(g->result.score) + "," +
           number_text(g->result.max_score);
    for (const PartResult& p : g->result.parts) out += "," + number_text(p.score);
    out += "\n";
  }
  return out;
}

std::string gradescope_json(const StudentGrade& g) {
  nlohmann::ordered_json doc;
  doc["score"] = g.result.score;
  std::string output = "deltacheck " + g.result.exercise + ": " + number_text(g.result.score) +
                       "/" + number_text(g.result.max_score);
  if (!g.fault.empty()) output += "\nThe submission could not be graded: " + g.fault;
  for (const std::string& p : g.result.problems)
    if (p != g.fault) output += "\n" + p;
  for (const std::string& n : g.result.notes) output += "\n" + n;
  doc["output"] = output;
  doc["output_format"] = "text";
  doc["visibility"] = "visible";
  doc["stdout_visibility"] = "hidden";
  nlohmann::ordered_json tests = nlohmann::ordered_json::array();
  int number = 0;
  for (const PartResult& p : g.result.parts) {
    nlohmann::ordered_json t;
    t["name"] = p.key;
    t["number"] = std::to_string(++number);
    t["score"] = p.score;
    t["max_score"] = p.max_score;
    t["status"] = p.verdict == Verdict::correct ? "passed" : "failed";
    t["output"] = std::string(verdict_name(p.verdict)) + ": " + p.feedback +
                  (p.read_as.empty() ? "" : "\nread as: " + p.read_as);
    t["output_format"] = "text";
    t["visibility"] = "visible";
    tests.push_back(t);
  }
  doc["tests"] = tests;
  return dump(doc);
}

std::string student_json(const StudentGrade& g) {
  nlohmann::ordered_json doc;
  doc["student"] = g.student;
  doc.update(check_result_json(g.result));
  doc["fault"] = g.fault;
  return dump(doc);
}

std::string summary_text(const ClassSummary& s) {
  std::ostringstream out;
  out << "class summary: " << printable(s.exercise) << ", " << s.students << " students";
  if (s.faults) out << " (" << s.faults << " could not be graded)";
  out << "\nscores out of " << number_text(s.max_score) << ": mean " << std::fixed
      << std::setprecision(2) << s.mean << ", median " << s.median << ", lowest " << s.lowest
      << ", highest " << s.highest << "\n"
      << std::defaultfloat;
  int widest = 1;
  for (int c : s.distribution) widest = std::max(widest, c);
  for (int b = 0; b < 10; ++b) {
    const std::string range =
        std::to_string(b * 10) + "-" + (b == 9 ? "100" : std::to_string(b * 10 + 10)) + "%";
    out << "  " << std::setw(8) << range << "  " << std::setw(4) << s.distribution[b] << "  "
        << std::string(s.distribution[b] * 40 / widest, '#') << "\n";
  }
  out << "\nparts:\n";
  for (const PartSummary& p : s.parts) {
    out << "  " << printable(p.key) << ": " << p.correct << " of " << s.students << " correct";
    if (p.incorrect) out << ", " << p.incorrect << " incorrect";
    if (p.invalid) out << ", " << p.invalid << " invalid";
    if (p.missing) out << ", " << p.missing << " missing";
    out << "\n";
    for (const auto& [what, count] : p.mistakes)
      out << "    " << count << " of " << s.students << ": " << printable(what) << "\n";
  }
  return out.str();
}

std::string summary_json(const ClassSummary& s) {
  nlohmann::ordered_json doc;
  doc["exercise"] = s.exercise;
  doc["students"] = s.students;
  doc["not_graded"] = s.faults;
  doc["max_score"] = s.max_score;
  doc["mean"] = s.mean;
  doc["median"] = s.median;
  doc["lowest"] = s.lowest;
  doc["highest"] = s.highest;
  nlohmann::ordered_json bins = nlohmann::ordered_json::array();
  for (int b = 0; b < 10; ++b)
    bins.push_back(
        {{"from_percent", b * 10}, {"to_percent", b * 10 + 10}, {"students", s.distribution[b]}});
  doc["distribution"] = bins;
  nlohmann::ordered_json parts = nlohmann::ordered_json::array();
  for (const PartSummary& p : s.parts) {
    nlohmann::ordered_json mistakes = nlohmann::ordered_json::array();
    for (const auto& [what, count] : p.mistakes)
      mistakes.push_back({{"mistake", what}, {"students", count}});
    parts.push_back({{"key", p.key},
                     {"correct", p.correct},
                     {"incorrect", p.incorrect},
                     {"invalid", p.invalid},
                     {"missing", p.missing},
                     {"mistakes", mistakes}});
  }
  doc["parts"] = parts;
  return dump(doc);
}

std::string grades_table(const std::vector<StudentGrade>& grades) {
  std::size_t width = 7;
  for (const StudentGrade& g : grades) width = std::max(width, printable(g.student).size());
  std::ostringstream out;
  out << "student" << std::string(width - 7, ' ') << "  score\n";
  for (const StudentGrade& g : grades) {
    const std::string student = printable(g.student);
    out << student << std::string(width - student.size(), ' ') << "  "
        << number_text(g.result.score) << "/" << number_text(g.result.max_score);
    if (!g.fault.empty()) out << "  (not graded: " << printable(g.fault) << ")";
    out << "\n";
  }
  return out.str();
}

}  // namespace deltacheck
