// Check results to JSON and back.
#include "exercises/grade/check_result_json.h"

#include <cmath>

namespace deltacheck {

namespace {

nlohmann::ordered_json number(double v) {
  if (v == std::floor(v) && std::fabs(v) < 1e15) return static_cast<long long>(v);
  return v;
}

Verdict verdict_of(const std::string& name) {
  for (Verdict v : {Verdict::correct, Verdict::incorrect, Verdict::invalid, Verdict::missing,
                    Verdict::carried, Verdict::incomplete})
    if (name == verdict_name(v)) return v;
  throw std::invalid_argument("unknown verdict '" + name + "'");
}

}  // namespace

nlohmann::ordered_json check_result_json(const CheckResult& r) {
  nlohmann::ordered_json doc;
  doc["exercise"] = r.exercise;
  doc["score"] = number(r.score);
  doc["max_score"] = number(r.max_score);
  nlohmann::ordered_json parts = nlohmann::ordered_json::array();
  for (const PartResult& p : r.parts) {
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
    parts.push_back(j);
  }
  doc["parts"] = parts;
  doc["problems"] = r.problems;
  doc["notes"] = r.notes;
  return doc;
}

CheckResult check_result_from_json(const nlohmann::json& doc) {
  CheckResult r;
  r.exercise = doc.at("exercise").get<std::string>();
  r.score = doc.at("score").get<double>();
  r.max_score = doc.at("max_score").get<double>();
  for (const auto& j : doc.at("parts")) {
    PartResult p;
    p.key = j.at("key").get<std::string>();
    p.verdict = verdict_of(j.at("verdict").get<std::string>());
    p.feedback = j.at("feedback").get<std::string>();
    p.score = j.at("score").get<double>();
    p.max_score = j.at("max_score").get<double>();
    p.mistake = j.at("mistake").get<std::string>();
    p.read_as = j.at("read_as").get<std::string>();
    p.proved = j.at("proved").get<bool>();
    p.line = j.at("line").get<int>();
    r.parts.push_back(p);
  }
  r.problems = doc.at("problems").get<std::vector<std::string>>();
  r.notes = doc.at("notes").get<std::vector<std::string>>();
  return r;
}

}  // namespace deltacheck
