// Reading expressions written in the answer syntax into GiNaC, names resolved to a network's symbols.
#pragma once

#include <string>

#include <ginac/ginac.h>

#include "symbolic/symbols.h"

namespace deltacheck {

/// Reads `text` (as print_expression writes it: + - * / ^, parentheses, exact decimals,
/// the functions sigmoid/sigma, relu, step, tanh, exp, log/ln, sqrt, cosh, sinh, abs).
/// Every name must be a quantity of the table's network, in any accepted spelling.
/// Throws UserError saying what could not be read.
GiNaC::ex read_expression(const std::string& text, SymbolTable& symbols);

}  // namespace deltacheck
