// Small text idioms and the number-to-text rules, each defined once.
#pragma once

#include <cstddef>
#include <ios>
#include <sstream>
#include <string>
#include <string_view>

namespace deltacheck {

/// `written` without its spaces and tabs (keys are compared so: "dL / dw2_11" is dL/dw2_11).
std::string without_spaces(const std::string& written);

/// True when `s` ends with `suffix` (byte comparison, case-sensitive).
bool ends_with(std::string_view s, std::string_view suffix);

/// True when `s` starts with `prefix` (byte comparison, case-sensitive).
bool starts_with(std::string_view s, std::string_view prefix);

/// The elements of `items` in order with `separator` between them ("" for an empty range).
/// Each element is turned into text by `to_text`, e.g. join(parts, ", ", [](auto& p) { return
/// p.key; }).
template <class Range, class ToText>
std::string join(const Range& items, std::string_view separator, ToText to_text) {
  std::string out;
  bool first = true;
  for (const auto& item : items) {
    if (!first) out += separator;
    out += to_text(item);
    first = false;
  }
  return out;
}

/// The strings of `items` in order with `separator` between them ("" for an empty range).
template <class Range>
std::string join(const Range& items, std::string_view separator) {
  return join(items, separator, [](const auto& s) -> std::string { return std::string(s); });
}

/// v as iostream prints it by default: 6 significant digits, no trailing zeros, scientific
/// only when the exponent is below -5 or above 5 (27, 0.5, 1e-07). T is anything with <<.
template <class T>
std::string number_text(const T& v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

/// v as iostream prints it with `digits` significant digits, no trailing zeros
/// (digits_text(0.1, 15) is "0.1", digits_text(1.0 / 3, 10) is "0.3333333333").
template <class T>
std::string digits_text(const T& v, int digits) {
  std::ostringstream out;
  out.precision(digits);
  out << v;
  return out.str();
}

/// v rounded to exactly `decimals` places after the point, never scientific ("0.250" for 3).
template <class T>
std::string fixed_text(const T& v, int decimals) {
  std::ostringstream out;
  out << std::fixed;
  out.precision(decimals);
  out << v;
  return out.str();
}

/// v in scientific notation with `digits` significant digits, e.g. "-1.2500000e-03".
/// For a multiprecision T, `digits` must be at least 2: asked for one, Boost writes every
/// digit the value holds.
template <class T>
std::string scientific_text(const T& v, int digits) {
  std::ostringstream out;
  out << std::scientific;
  out.precision(digits > 1 ? digits - 1 : 0);
  out << v;
  return out.str();
}

/// The shortest decimal that reads back as exactly v (7 as "7", 1.0000001 as "1.0000001").
std::string shortest_text(double v);

/// A byte count in the largest whole unit: "2 GiB", "512 MiB", else "1000 bytes".
std::string bytes_text(std::size_t bytes);

}  // namespace deltacheck
