// The network of an exercise drawn as SVG for the page: one column of units per layer, every edge.
#pragma once

#include <string>

#include "core/network.h"

namespace deltacheck::server {

/// Most units drawn in one layer; a wider layer shows its first kMaxSvgUnits - 2 units, a
/// vertical ellipsis and its last unit (as reports/network_figure.h does for TikZ).
constexpr int kMaxSvgUnits = 8;

/// A standalone SVG of `net`: inputs x_k, units a{l}_j (the output yhat), each column captioned
/// with its layer and activation, edges between consecutive layers. Only numbers and fixed
/// names appear in it (nothing to escape). The same network gives the same bytes. Cost:
/// O(edges drawn).
std::string network_svg(const Network& net);

}  // namespace deltacheck::server
