// Exact decimal text -> scalar conversion for double and Boost.Multiprecision types.
#pragma once

#include <cstdlib>
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

}  // namespace deltacheck
