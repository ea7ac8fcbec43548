// Reading POINT.json files with exact decimals and precise, named errors.
#include "core/point.h"

#include <set>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/input_file.h"
#include "core/targets.h"
#include "core/text.h"

namespace deltacheck {

namespace {

// Line and column (1-based) of byte `offset` in text, and that line's text.
SourceLocation locate(const std::string& text, size_t offset, const std::string& path) {
  SourceLocation where{path, 1, 1, ""};
  size_t line_start = 0;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++where.line;
      line_start = i + 1;
    }
  }
  where.column = static_cast<int>(offset - line_start) + 1;
  const size_t end = text.find('\n', line_start);
  where.source_line =
      text.substr(line_start, end == std::string::npos ? std::string::npos : end - line_start);
  if (where.source_line.size() > 200) where.source_line.clear();
  return where;
}

// Where the key "name" stands in the raw text (first occurrence), or the file start.
SourceLocation locate_key(const std::string& text, const std::string& key,
                          const std::string& path) {
  const size_t at = text.find("\"" + key + "\"");
  return at == std::string::npos ? SourceLocation{path, 0, 0, ""} : locate(text, at + 1, path);
}

// The JSON document, each key of the point given once: nlohmann keeps the last of two equal
// keys, so a repeated key is caught while parsing (at its second spelling in the text).
nlohmann::json parse_once_each(const std::string& text, const std::string& path) {
  std::set<std::string> seen;
  const auto once = [&](int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
    if (event == nlohmann::json::parse_event_t::key && depth == 1 &&
        !seen.insert(parsed.get<std::string>()).second) {
      const std::string key = parsed.get<std::string>(), quoted = "\"" + key + "\"";
      const size_t first = text.find(quoted),
                   second = first == std::string::npos ? first : text.find(quoted, first + 1);
      throw UserError(second == std::string::npos ? SourceLocation{path, 0, 0, ""}
                                                  : locate(text, second + 1, path),
                      "'" + key + "' is given twice: give each name once");
    }
    return true;
  };
  try {
    return nlohmann::json::parse(text, once);
  } catch (const nlohmann::json::parse_error& e) {
    const size_t at = e.byte > 0 ? e.byte - 1 : 0;
    std::string what = e.what();
    const auto colon = what.rfind(": ");
    throw UserError(
        locate(text, at, path),
        "not valid JSON: " + (colon == std::string::npos ? what : what.substr(colon + 2)));
  }
}

std::string expected_names(const Network& net) {
  return join(point_quantities(net), ", ",
              [&](const Quantity& q) { return quantity_name(q, net, NameStyle::separated); });
}

}  // namespace

std::vector<Quantity> point_quantities(const Network& net) {
  std::vector<Quantity> out = inputs(net);
  for (const Quantity& q : parameters(net)) out.push_back(q);
  for (const Quantity& q : targets(net)) out.push_back(q);
  return out;
}

Point read_point_json(const std::string& path, const Network& net) {
  return parse_point_json(read_input_file(path, kPointFile), path, net);
}

Point parse_point_json(const std::string& text, const std::string& path, const Network& net) {
  const nlohmann::json doc = parse_once_each(text, path);
  if (!doc.is_object())
    throw UserError(SourceLocation{path, 1, 1, ""},
                    "a point is a JSON object of name -> decimal string, e.g. {\"x1\": \"0.5\"}");

  Point point;
  for (const auto& [key, value] : doc.items()) {
    const SourceLocation where = locate_key(text, key, path);
    const auto parsed = parse_quantity(key);
    const auto q = parsed ? resolve(*parsed, net) : std::nullopt;
    const bool allowed = q && (q->kind == QuantityKind::input || q->kind == QuantityKind::target ||
                               q->kind == QuantityKind::weight || q->kind == QuantityKind::bias);
    if (!allowed)
      throw UserError(where, "unknown name '" + key + "' for network \"" + net.spec() +
                                 "\": expected " + expected_names(net));
    if (point.has(*q)) throw UserError(where, "'" + key + "' is given twice");
    if (!value.is_string())
      throw UserError(
          where,
          "the value of '" + key +
              "' must be a decimal string such as \"0.5\" (a JSON number would be rounded to binary)");
    const auto d = Decimal::parse(value.get<std::string>());
    if (!d)
      throw UserError(where, "the value of '" + key + "' is not a decimal number: \"" +
                                 value.get<std::string>() + "\"");
    if (q->kind == QuantityKind::target)
      if (const auto problem = target_value_problem(net, key, d->to_double(), d->text()))
        throw UserError(where, *problem);
    point.set(*q, *d);
  }
  for (const Quantity& q : point_quantities(net))
    if (!point.has(q))
      throw UserError(SourceLocation{path, 0, 0, ""},
                      "missing '" + quantity_name(q, net, NameStyle::separated) +
                          "': every input, weight, bias and target must be given");

  if (net.loss == Loss::crossentropy && net.layers.back().activation == Activation::softmax) {
    Rational sum = 0;
    for (const Quantity& q : targets(net)) sum += point.at(q).rational();
    if (sum != 1)
      throw UserError(
          SourceLocation{path, 0, 0, ""},
          "the targets of a softmax output with cross-entropy must sum to 1 (a probability vector); they sum to " +
              sum.str());
  }
  return point;
}

}  // namespace deltacheck
