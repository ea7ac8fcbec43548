// The network of an exercise drawn with TikZ for the LaTeX report: units, layer captions and the
// weight on every edge, placed so that no two labels collide.
#pragma once

#include <string>

#include "core/network.h"

namespace deltacheck {

/// Most units drawn in one layer: a wider layer shows its first kMaxDrawnUnits - 2 units, a
/// vertical ellipsis and its last unit.
constexpr int kMaxDrawnUnits = 8;

/// Widest figure (cm) that keeps the weight labels on its edges; the densest layers lose their
/// labels until the figure fits (the report's text says which weight an edge carries).
constexpr double kMaxFigureWidth = 16.0;

/// An activation's name in a document's prose and captions: ReLU as the notes write it, the
/// others by their name (sigmoid, tanh, linear, softmax).
std::string activation_title(Activation f);

/// A tikzpicture of `net`: each unit a circle (x_k for inputs, a^{(l)}_j for the others), every
/// column's caption (input, layer l and its activation) on one line under the tallest column, and
/// each edge's weight w^{(l)}_{jk} on the edge. The labels of a layer sit at distinct distances
/// along the column, far enough apart and clear of the units, so none overlaps another
/// label or a unit. The same network gives the same bytes. Cost: O(edges drawn).
std::string tikz_network(const Network& net);

}  // namespace deltacheck
