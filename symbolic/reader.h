// Reading expressions in the answer syntax (docs/DESIGN.md §4) into GiNaC: positions for every
// error, and how the answer was read.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include <ginac/ginac.h>

#include "core/network.h"
#include "symbolic/symbols.h"
#include "symbolic/tokenizer.h"

namespace deltacheck {

/// What a name stands for: its value and its canonical spelling (shown back to the student).
struct NameMeaning {
  GiNaC::ex value;
  std::string canonical;
};

/// Decides what a name written at `offset` means, or throws ExpressionError(offset, why not):
/// unknown in this network, or not allowed in this part. Besides the names written, the reader
/// asks for the parts of an unknown name (etag: eta, g) and for chain-rule factors written
/// dA/dB (dL/da3_1, as one text): a resolver must answer without recording what it is asked.
using NameResolver = std::function<NameMeaning(const std::string& name, std::size_t offset)>;

/// The activation of the layer whose pre-activation is `argument` (z3_1 in f(z3_1)), or
/// nothing when `argument` is not a pre-activation.
using ActivationOf = std::function<std::optional<Activation>(const GiNaC::ex& argument)>;

/// What a caller allows beyond its names.
struct ReadOptions {
  /// Reads f(z) and f'(z) (also g, phi) as the activation of z's layer and its derivative,
  /// when the names do not know f; empty: f(...) is refused with what to write.
  ActivationOf activation;
  /// Reads 0,45 as 0.45 (numeric exercises): digits, ',' and digits written together, outside
  /// max(...), the one function of two arguments.
  bool decimal_comma = false;
};

/// An expression as read: its exact value, and the text it was read as, with parentheses
/// wherever the grouping may surprise (`1/2*a` reads as `(1/2)*a`, `a^b^c` as `a^(b^c)`,
/// `-a^2` as `-(a^2)`) and names and functions in their canonical spelling.
struct ReadExpression {
  GiNaC::ex value;
  std::string echo;
};

/// Longest expression read, in bytes: far above any derivation's longest line, far below
/// what would take long to check.
constexpr std::size_t kMaxExpressionLength = 100000;
/// Deepest nesting of parentheses, signs and powers.
constexpr int kMaxNesting = 200;
/// Largest number a power of two numbers may produce, in decimal digits: 2^(10^10) is
/// refused at once instead of computed. Far above kMaxNumberDigits, the longest number written.
constexpr int kMaxPowerDigits = 30000;

/// Reads `text` after rewriting its notation (symbolic/notation.h: Unicode, LaTeX, np.exp):
/// numbers exactly (0.1 is 1/10), + - * / ^ (and ** for ^; a^b^c is a^(b^c)), parentheses and
/// brackets, the functions of symbolic/function_table.h by name or alias (sigmoid or sigma, log
/// or ln, ...), and names through `names`. Also reads:
/// - juxtaposition as a product binding like '*' (2a1_1, w1_21 x1, 2(a - y), (a - y)(1 - a),
///   a2_1(1 - a2_1) for a name that is no function, 1/2a as (1/2)*a), and an unknown name that
///   splits in exactly one way into names `names` knows (etag as eta*g);
/// - primes: sigmoid'(z), tanh'(z), relu'(z), ... as the derivative's value (every function of
///   the table), f(z) and f'(z) through options.activation; tanh^2(z) as tanh(z)^2;
/// - max(0, z) and max(z, 0) as relu(z); e^x as exp(x) when `names` does not know e; |w| as
///   abs(w); [z > 0], (z > 0), 1[z > 0] as step(z) ([a < b] as step(b - a));
/// - dA/dB (dL/da3_1) as one name when `names` knows the text "dA/dB", else as a division.
/// The echo shows every '*' and the canonical spellings. Throws ExpressionError at the offset
/// in `text` of the first problem with a message that says what to write: unbalanced brackets,
/// unknown function or LaTeX command, a name `names` refuses, a name with two readings (both
/// named), a number too large to hold, a value that is not real (sqrt(-1), log(0)), input too
/// long or nested too deeply. Cost: linear in the length of `text` (names are split only up to
/// kMaxSplitName bytes, with at most kMaxSplitLookups lookups).
ReadExpression read_expression(const std::string& text, const NameResolver& names,
                               const ReadOptions& options);

/// read_expression(text, names, ReadOptions{}).
ReadExpression read_expression(const std::string& text, const NameResolver& names);

/// Longest name the reader tries to split into known names.
constexpr std::size_t kMaxSplitName = 24;
/// Most parts of names the reader asks the resolver about while splitting names, per
/// expression: beyond it names are read only as written, so a hostile line of many long
/// distinct names costs no more than this many lookups.
constexpr int kMaxSplitLookups = 4096;

/// The activations of the table's network: f(z{l}_j) is layer l's activation.
ActivationOf network_activations(SymbolTable& symbols);

/// A resolver accepting every quantity of the table's network in any spelling resolve_name
/// reads (a3 in a one-unit layer, W2_11); yhat reads as the output activation a{L}_j. Unknown
/// names are explained (see explain_unknown_name).
NameResolver network_names(SymbolTable& symbols);

/// Reads text with every name of the table's network allowed; errors become UserError with
/// the column (for tests and internal round trips).
GiNaC::ex read_expression(const std::string& text, SymbolTable& symbols);

}  // namespace deltacheck
