// Writing a three-way verification: a table of agreement in digits, or JSON.
#pragma once

#include <ostream>

#include "exercises/verify/verify.h"

namespace deltacheck {

/// Text: one row per parameter with its backprop value at the first point and the fewest
/// digits each pair (symbolic~backprop, symbolic~finite difference, backprop~finite
/// difference) agrees on over all points, then the verdict. JSON: the same with every value
/// at every point. Digits are rounded to 0.1.
void write_verification(std::ostream& out, const VerifyResult& r, bool json);

}  // namespace deltacheck
