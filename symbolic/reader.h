// Reading expressions in the answer syntax (docs/DESIGN.md §4) into GiNaC: positions for every
// error, and how the answer was read.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include <ginac/ginac.h>

#include "symbolic/symbols.h"
#include "symbolic/tokenizer.h"

namespace deltacheck {

/// What a name stands for: its value and its canonical spelling (shown back to the student).
struct NameMeaning {
  GiNaC::ex value;
  std::string canonical;
};

/// Decides what a name written at `offset` means, or throws ExpressionError(offset, why not):
/// unknown in this network, or not allowed in this part.
using NameResolver = std::function<NameMeaning(const std::string& name, std::size_t offset)>;

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

/// Reads `text`: numbers exactly (0.1 is 1/10), + - * / ^ (and ** for ^; a^b^c is a^(b^c)),
/// parentheses, the functions of symbolic/function_table.h by name or alias (sigmoid or
/// sigma, log or ln, ...), and names through `names`. Throws ExpressionError at the first problem
/// with a message that says what to write: missing '*', unbalanced parentheses, unknown function
/// (sigmoid', Sigmoid, max), a name `names` refuses, a number too large to hold, a value
/// that is not real (sqrt(-1), log(0)), input too long or nested too deeply.
ReadExpression read_expression(const std::string& text, const NameResolver& names);

/// A resolver accepting every quantity of the table's network in any spelling; yhat reads
/// as the output activation a{L}_j. Unknown names are explained (see explain_unknown_name).
NameResolver network_names(SymbolTable& symbols);

/// Reads text with every name of the table's network allowed; errors become UserError with
/// the column (for tests and internal round trips).
GiNaC::ex read_expression(const std::string& text, SymbolTable& symbols);

}  // namespace deltacheck
