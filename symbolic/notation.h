// Rewriting the notation students type (Unicode, LaTeX pasted from write-ups, Python's np.exp)
// into the plain answer syntax, keeping for every byte where it came from.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace deltacheck {

/// A line in the answer syntax and, for each of its bytes, the byte of the original line it
/// came from: source[i] is the offset in the original of text[i]; source has text.size() + 1
/// entries, the last being the original's length, so an error at any offset of `text`
/// (its end included) maps back to a column of what the student wrote.
struct NotationText {
  std::string text;
  std::vector<std::size_t> source;
};

/// `line` (a whole answer line, KEY = EXPRESSION, or an expression alone) in the plain ASCII
/// syntax. Rewrites, and nothing else (ASCII that reads today comes back unchanged):
/// - Unicode: − – — as -, × · ⋅ ∙ ∗ as *, ÷ ∕ as /, superscript digits and ⁻ as ^2, ^(-1),
///   subscript digits as digits, σ as sigmoid, δ as delta, ∂ and Δ as d (∂L/∂w3_11 is dL/dw3_11,
///   Δw is dw), ŷ as yhat, η α β γ λ μ ε θ by name, √ as sqrt, ≈ as =, ′ ’ ‘ as ', every other
///   space as a space and zero-width characters as nothing;
/// - LaTeX: $ and \( \) \[ \] dropped; \frac{a}{b} as (a)/(b), parentheses only where needed, and
///   \frac{\partial L}{\partial w^{(3)}_{11}} as dL/dw3_11; \sigma \tanh \exp \log \ln \sqrt ...
///   by name; \cdot \times as *; \left \right \bigl ... dropped; layer superscripts with
///   subscripts in either order (w^{(2)}_{11}, w_{11}^{(2)}, z^{[2]}_1, a^{(3)}) as w2_11, a3;
///   x_{1} as x1; \hat{y} as yhat; \partial as d; \, \; \quad as spaces; \mathrm{..} \text{..}
///   \operatorname{..} as their contents; other { } as ( );
/// - Python: np.exp, numpy.exp, math.exp, torch.sigmoid, np.maximum and the like as exp, sigmoid,
///   max; math.e as exp(1).
/// `#` and `%` comments are not touched: the answer file removes them first. The answer file
/// calls this on each logical line before splitting it at '=', then maps the offsets of
/// errors in the result back through `source` (source_offset). read_expression rewrites its
/// text too; a rewritten text rewrites to itself, byte for byte, so the offsets compose. Cost: linear in the line's length (times the
/// nesting depth of \frac, at most kMaxNotationNesting).
/// Throws ExpressionError at the offset in `line` of an unknown LaTeX command (naming it and
/// saying what to write), a \frac without its two arguments, or nesting deeper than
/// kMaxNotationNesting.
NotationText canonical_notation(const std::string& line);

/// The offset in the original line of byte `offset` of t.text; an offset at or past the end
/// of t.text maps to the original's end. For errors found in the rewritten text.
std::size_t source_offset(const NotationText& t, std::size_t offset);

/// Deepest nesting of \frac, \hat and braces read.
constexpr int kMaxNotationNesting = 50;

}  // namespace deltacheck
