// Printing an expression the way its author wrote it (the order of terms and factors, the
// grouping), in the answer syntax and in LaTeX; and steps of working, prose with $...$ formulas.
#pragma once

#include <string>

#include "symbolic/printer.h"

namespace deltacheck {

/// A free symbol's name in LaTeX, the one rule for every printer and report: a trailing number
/// and what follows the first '_' are the subscript (s1 -> s_{1}, w1_11 -> w_{1,11},
/// w_prev -> w_{\mathrm{prev}}), Greek
/// letter names are the letters (lambda -> \lambda, Delta -> \Delta), a name ending in "hat"
/// wears a hat (yhat -> \hat{y}), other names of several letters are upright words. A name
/// already in LaTeX (holding a backslash or '{', which the reader never makes) is kept as it is.
std::string symbol_latex(const std::string& name);

/// An answer key typeset: dA/dB as the partial derivative of the names, a quantity's name (one
/// letter, then digits or one '_': w0_new -> w_{0,\mathrm{new}}) by symbol_latex, any other
/// key (new_w0, dw) as \text{KEY}.
std::string key_latex(const std::string& key);

/// `text` printed keeping the author's order and grouping (GiNaC would reorder a sum and
/// distribute 2*(w0 + w1*x - y)): in the answer syntax, every product's '*' written and
/// spaces around + and -, as the reader's echo shows it (the echo prints back unchanged); in
/// LaTeX with the printer's rules (\frac, \left( \right), functions as the function table
/// spells them, names by symbol_latex). Reads numbers, names, + - * / ^, products written
/// side by side, (...), [...], |...| and the table's functions, also primed (sigmoid'(z)).
/// With `derivative_ratios`, dA/dB of two names typesets as a partial derivative (for steps).
/// Throws ExpressionError at the offset in `text` of what it cannot read, and for text beyond
/// the reader's limits (kMaxExpressionLength, kMaxNesting). Cost: the length of `text` times
/// its nesting.
std::string print_written(const std::string& text, Syntax syntax, bool derivative_ratios = false);

/// A step of working as text: the step with its '$' marks removed.
std::string step_text(const std::string& step);

/// A step of working with each formula between '$' marks typeset (print_written with
/// derivative ratios; each side of an '=' alone): "so $s1 = exp(z1)/S$" becomes
/// "so $s_{1} = \frac{e^{z_{1}}}{S}$". The prose is left as written (Markdown as it stands;
/// latex_prose of reports/inline_math.h makes it LaTeX). Throws ExpressionError at the offset in `step` of an unpaired
/// '$' or a formula it cannot read.
std::string step_latex(const std::string& step);


}  // namespace deltacheck
