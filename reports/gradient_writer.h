// Writing the loss and gradient at a point (deltacheck gradient), as text or the JSON of
// docs/DESIGN.md §6.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "core/network.h"

namespace deltacheck {

/// Loss and gradient already rounded to decimal text, in parameter order.
struct GradientText {
  std::string loss;
  std::vector<std::string> gradient;
};

/// Text: `L = value` then `dL/dw1_11 = value` lines. JSON: {"net", "loss", "digits",
/// "loss_value", "gradient": {name: value}} with separated names, in parameter order.
void write_gradient(std::ostream& out, const Network& net, unsigned digits, const GradientText& g,
                    bool json);

}  // namespace deltacheck
