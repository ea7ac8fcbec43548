// Trained weights as JSON (deltacheck train --save / --load): the network, the loss and every
// parameter by name.
#pragma once

#include <string>
#include <vector>

#include "core/network.h"

namespace deltacheck {

/// {"net": SPEC, "loss": LOSS, "parameters": {"w1_1_1": value, ...}} with every value to 17
/// significant digits (a double read back is the same double).
std::string weights_json(const Network& net, const std::vector<double>& params);

/// The parameters saved by weights_json for `net`, in parameter order. Throws UserError naming
/// the file and what is wrong: unreadable, not JSON, another network, a missing, unknown or
/// non-numeric parameter.
std::vector<double> read_weights(const std::string& path, const Network& net);

}  // namespace deltacheck
