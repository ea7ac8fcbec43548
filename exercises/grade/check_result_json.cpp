// Check results to JSON and back.
#include "exercises/grade/check_result_json.h"

#include <cmath>
#include <stdexcept>

namespace deltacheck {

namespace {

nlohmann::ordered_json number(double v) {
  if (v == std::floor(v) && std::fabs(v) < 1e15) return static_cast<long long>(v);
  return v;
}

// verdict_name's inverse.
Verdict verdict_named(const std::string& name) {
  for (Verdict v : {Verdict::correct, Verdict::incorrect, Verdict::invalid, Verdict::missing,
                    Verdict::carried, Verdict::incomplete})
    if (name == verdict_name(v)) return v;
  throw std::invalid_argument("unknown verdict '" + name + "'");
}

// A step row; definitions (`with_use`) also say which part uses them first.
nlohmann::ordered_json step_json(const StepResult& s, bool with_use) {
  nlohmann::ordered_json j;
  j["key"] = s.key;
  j["verdict"] = verdict_name(s.verdict);
  j["feedback"] = s.feedback;
  j["mistake"] = s.mistake;
  j["read_as"] = s.read_as;
  j["line"] = s.line;
  if (with_use) j["used_by"] = s.used_by;
  return j;
}

nlohmann::ordered_json steps_json(const std::vector<StepResult>& steps, bool with_use) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const StepResult& s : steps) out.push_back(step_json(s, with_use));
  return out;
}

nlohmann::ordered_json part_json(const PartResult& p) {
  nlohmann::ordered_json j;
  j["key"] = p.key;
  j["verdict"] = verdict_name(p.verdict);
  j["feedback"] = p.feedback;
  j["score"] = number(p.score);
  j["max_score"] = number(p.max_score);
  j["mistake"] = p.mistake;
  j["read_as"] = p.read_as;
  j["proved"] = p.proved;
  j["line"] = p.line;
  j["carried_from"] = p.carried_from;
  j["steps"] = steps_json(p.steps, false);
  return j;
}

std::vector<StepResult> steps_from(const nlohmann::json& rows, bool with_use) {
  std::vector<StepResult> out;
  for (const auto& j : rows) {
    StepResult s;
    s.key = j.at("key").get<std::string>();
    s.verdict = verdict_named(j.at("verdict").get<std::string>());
    s.feedback = j.at("feedback").get<std::string>();
    s.mistake = j.at("mistake").get<std::string>();
    s.read_as = j.at("read_as").get<std::string>();
    s.line = j.at("line").get<int>();
    if (with_use) s.used_by = j.at("used_by").get<int>();
    out.push_back(s);
  }
  return out;
}

PartResult part_from(const nlohmann::json& j) {
  PartResult p;
  p.key = j.at("key").get<std::string>();
  p.verdict = verdict_named(j.at("verdict").get<std::string>());
  p.feedback = j.at("feedback").get<std::string>();
  p.score = j.at("score").get<double>();
  p.max_score = j.at("max_score").get<double>();
  p.mistake = j.at("mistake").get<std::string>();
  p.read_as = j.at("read_as").get<std::string>();
  p.proved = j.at("proved").get<bool>();
  p.line = j.at("line").get<int>();
  p.carried_from = j.at("carried_from").get<std::string>();
  p.steps = steps_from(j.at("steps"), false);
  return p;
}

}  // namespace

nlohmann::ordered_json check_result_json(const CheckResult& r) {
  nlohmann::ordered_json doc;
  doc["exercise"] = r.exercise;
  doc["score"] = number(r.score);
  doc["max_score"] = number(r.max_score);
  nlohmann::ordered_json parts = nlohmann::ordered_json::array();
  for (const PartResult& p : r.parts) parts.push_back(part_json(p));
  doc["parts"] = parts;
  doc["problems"] = r.problems;
  doc["notes"] = r.notes;
  doc["steps"] = steps_json(r.steps, true);
  return doc;
}

CheckResult check_result_from_json(const nlohmann::json& doc) {
  CheckResult r;
  r.exercise = doc.at("exercise").get<std::string>();
  r.score = doc.at("score").get<double>();
  r.max_score = doc.at("max_score").get<double>();
  for (const auto& j : doc.at("parts")) r.parts.push_back(part_from(j));
  r.problems = doc.at("problems").get<std::vector<std::string>>();
  r.notes = doc.at("notes").get<std::vector<std::string>>();
  r.steps = steps_from(doc.at("steps"), true);
  return r;
}

}  // namespace deltacheck
