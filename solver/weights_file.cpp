// Saving and loading trained weights.
#include "solver/weights_file.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/input_file.h"
#include "core/names.h"

namespace deltacheck {

namespace {

// nlohmann reports a number beyond the range of a double (1e999) as "... number overflow
// parsing '1e999'" without a position: the error names the number and finds its line.
UserError number_out_of_range(const std::string& path, const std::string& text,
                              const nlohmann::json::out_of_range& e) {
  const std::string what = e.what();
  const std::size_t open = what.find('\''), close = what.rfind('\'');
  const std::string number =
      open != std::string::npos && close > open ? what.substr(open + 1, close - open - 1) : "";
  const std::string message =
      "the number " + (number.empty() ? std::string() : "'" + number + "' ") +
      "is too large for a double (at most about 1.8e308): a weight is a finite number";
  const std::size_t at = number.empty() ? std::string::npos : text.find(number);
  if (at == std::string::npos) return UserError(SourceLocation{path, 0, 0, ""}, message);
  const std::size_t line_start =
      text.rfind('\n', at) == std::string::npos ? 0 : text.rfind('\n', at) + 1;
  const std::size_t line_end = text.find('\n', at);
  const int line = 1 + static_cast<int>(std::count(
                           text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
  return UserError(SourceLocation{path, line, static_cast<int>(at - line_start) + 1,
                                  text.substr(line_start, line_end - line_start)},
                   message);
}

}  // namespace

std::string weights_json(const Network& net, const std::vector<double>& params) {
  nlohmann::ordered_json doc;
  doc["net"] = net.spec();
  doc["loss"] = loss_name(net.loss);
  nlohmann::ordered_json values = nlohmann::ordered_json::object();
  const std::vector<Quantity> names = parameters(net);
  for (std::size_t i = 0; i < names.size(); ++i)
    values[quantity_name(names[i], net, NameStyle::separated)] = params[i];
  doc["parameters"] = values;
  return doc.dump(2) + "\n";
}

std::vector<double> read_weights(const std::string& path, const Network& net) {
  const std::string text = read_input_file(path, kWeightsFile);
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw UserError(SourceLocation{path, 0, 0, ""}, std::string("not valid JSON: ") + e.what());
  } catch (const nlohmann::json::out_of_range& e) {
    throw number_out_of_range(path, text, e);
  }
  if (!doc.is_object() || !doc.contains("net") || !doc["net"].is_string() ||
      !doc.contains("parameters") || !doc["parameters"].is_object())
    throw UserError(
        SourceLocation{path, 0, 0, ""},
        "a weights file has \"net\", \"loss\" and \"parameters\" (written by deltacheck train --save)");
  if (doc["net"].get<std::string>() != net.spec())
    throw UserError(SourceLocation{path, 0, 0, ""}, "the weights are of network \"" +
                                                        doc["net"].get<std::string>() +
                                                        "\", not \"" + net.spec() + "\"");
  const std::vector<Quantity> names = parameters(net);
  std::vector<double> params(names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string name = quantity_name(names[i], net, NameStyle::separated);
    const auto it = doc["parameters"].find(name);
    if (it == doc["parameters"].end())
      throw UserError(SourceLocation{path, 0, 0, ""}, "missing parameter '" + name + "'");
    if (!it->is_number() || !std::isfinite(it->get<double>()))
      throw UserError(SourceLocation{path, 0, 0, ""},
                      "parameter '" + name + "' is not a finite number");
    params[i] = it->get<double>();
  }
  if (doc["parameters"].size() != names.size()) {
    for (const auto& [name, value] : doc["parameters"].items()) {
      const auto q = parse_quantity(name);
      const auto r = q ? resolve(*q, net) : std::nullopt;
      if (!r || !(r->kind == QuantityKind::weight || r->kind == QuantityKind::bias))
        throw UserError(SourceLocation{path, 0, 0, ""},
                        "unknown parameter '" + name + "' for network \"" + net.spec() + "\"");
    }
  }
  return params;
}

}  // namespace deltacheck
