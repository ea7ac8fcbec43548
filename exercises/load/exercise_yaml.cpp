// The YAML checks every exercise field shares: located failures, single values, numbers in range,
// names.
#include "exercises/load/exercise_yaml.h"
#include "core/text.h"

#include <cctype>
#include <sstream>

namespace deltacheck::detail {

const char* const kPartFields[7] = {"key",  "points",   "ask",    "truth",
                                    "uses", "mistakes", "aliases"};

YamlSource::YamlSource(const std::string& text, const std::string& name) : name_(name) {
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines_.push_back(line);
}

SourceLocation YamlSource::at(const YAML::Mark& m) const {
  if (m.line < 0) return {name_, 0, 0, ""};
  const std::string line = m.line < static_cast<int>(lines_.size()) ? lines_[m.line] : "";
  return {name_, m.line + 1, m.column + 1, line};
}

void YamlSource::fail(const YAML::Node& node, const std::string& message) const {
  throw UserError(at(node.Mark()), message);
}

std::string scalar(const YamlSource& src, const YAML::Node& node, const std::string& field) {
  if (!node.IsScalar()) src.fail(node, "'" + field + "' must be a single value");
  return node.Scalar();
}

double number(const YamlSource& src, const YAML::Node& n, const std::string& field, double min,
              double max) {
  try {
    const double v = n.as<double>();
    if (v >= min && v <= max) return v;
  } catch (const YAML::Exception&) {
  }
  src.fail(n,
           "'" + field + "' must be a number from " + number_text(min) + " to " + number_text(max));
}

std::vector<std::string> string_list(const YamlSource& src, const YAML::Node& n,
                                     const std::string& field) {
  if (!n.IsSequence()) src.fail(n, "'" + field + "' is a list, e.g. [y, yhat]");
  std::vector<std::string> out;
  for (const YAML::Node& item : n) out.push_back(scalar(src, item, field));
  return out;
}

bool is_name(const std::string& s) {
  if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  return std::all_of(s.begin(), s.end(),
                     [](unsigned char c) { return std::isalnum(c) || c == '_'; });
}

}  // namespace deltacheck::detail
