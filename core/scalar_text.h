// Exact text <-> scalar conversion for double and Boost.Multiprecision types.
#pragma once

#include <cstdlib>
#include <ios>
#include <sstream>
#include <string>
#include <type_traits>

namespace deltacheck {

/// The scalar nearest to the decimal `text` (correctly rounded for multiprecision types).
template <class T>
T from_text(const std::string& text) {
  if constexpr (std::is_floating_point_v<T>) {
    return static_cast<T>(std::strtod(text.c_str(), nullptr));
  } else {
    return T(text);
  }
}

/// v in scientific notation with `digits` significant digits, e.g. "-1.2500000e-03".
/// For a multiprecision T, `digits` must be at least 2: asked for one, Boost writes every
/// digit the value holds.
template <class T>
std::string to_text(const T& v, int digits) {
  std::ostringstream out;
  out << std::scientific;
  out.precision(digits > 1 ? digits - 1 : 0);
  out << v;
  return out.str();
}

}  // namespace deltacheck
