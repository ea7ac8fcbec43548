// Canonical printing of expressions in the answer syntax and in LaTeX: the same expression gives
// the same bytes on every run.
#pragma once

#include <string>

#include <ginac/ginac.h>

#include "core/names.h"
#include "core/network.h"

namespace deltacheck {

/// Answer syntax (docs/DESIGN.md §4) or LaTeX (docs/DESIGN.md §3 notation).
enum class Syntax { text, latex };

/// How to print: syntax and, for text, the spelling of weight names.
struct PrintStyle {
  Syntax syntax = Syntax::text;
  NameStyle names = NameStyle::short_form;
  bool raw_names = false;  // every symbol by its own name (free symbols); LaTeX: symbol_latex
  bool explicit_products = false;  // LaTeX: \cdot between factors, as the text syntax's '*'
};

/// Prints e canonically. GiNaC's own term order follows memory addresses (docs/DESIGN.md §8);
/// here terms and factors are sorted by a fixed key: in a product, factors of later
/// layers first (the chain-rule order: loss, output layer, ..., input), in a sum, terms
/// with more factors first and positive before negative, ties by their text with numbers
/// compared by value. Symbols named like network quantities print in `net`'s notation;
/// other symbols print by name. Text output parses back to the same value.
std::string print_expression(const GiNaC::ex& e, const Network& net, PrintStyle style = {});

}  // namespace deltacheck
