// Numbers as people read them in reports: 27, 0.5, 1e-07 (the shortest of iostream's default forms).
#pragma once

#include <sstream>
#include <string>

namespace deltacheck {

/// v with iostream's default formatting (6 significant digits, no trailing zeros).
inline std::string number_text(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

}  // namespace deltacheck
