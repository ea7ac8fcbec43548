// Text written in the answer syntax (feedback, common mistakes) typeset: each formula in it found,
// read by deltacheck's reader and printed as LaTeX.
#pragma once

#include <string>

#include "core/network.h"

namespace deltacheck {

/// `formula` in the answer syntax as LaTeX: every name a symbol of its own, printed by
/// symbol_latex (yhat as \hat{y}, w1 as w_{1}), dA/dB as \partial A/\partial B. Nothing is
/// substituted, so s1*(1 - s1) prints as written. With `net`, a name of the network's
/// quantities (w1_11, a2_1) is printed in its notation (w^{(1)}_{11}). Throws ExpressionError
/// when it cannot be read.
std::string answer_latex(const std::string& formula, const Network* net = nullptr);

/// Prose with formulas of the answer syntax in it ("the weight decay -eta*lambda*w1 is
/// missing") as prose with $...$ (latex_prose renders it): runs of words that hold an operator or a
/// bracket, with + - = between them (and a name or number next to one: s2 - y2), are read
/// as formulas, sides of = each; a run that cannot be read stays text with its * as a dot.
/// Text that is not mathematics keeps any $ as \$. Linear in the length of `text` (one reading
/// of each run). `net` as for answer_latex.
std::string answer_prose(const std::string& text, const Network* net = nullptr);

}  // namespace deltacheck
