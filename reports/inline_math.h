// Prose with inline mathematics, $...$: the one rule for where formulas are, and their LaTeX and
// plain-text renderings.
#pragma once

#include <string>
#include <vector>

#include "core/text_escape.h"

namespace deltacheck {

/// One stretch of prose: text, or the LaTeX between a pair of $.
struct ProsePiece {
  bool math;
  std::string text;  // text with \$ already read as $; or the formula without its $ signs
};

/// `s` split into text and formulas: `$...$` is an inline formula (never across a blank line,
/// never $$), `\$` is a literal dollar, and an unpaired $ is text. Linear in `s`.
std::vector<ProsePiece> split_prose(const std::string& s);

/// Prose for a LaTeX document: text escaped, formulas kept as $...$.
std::string latex_prose(const std::string& s);

/// A LaTeX formula (no $ signs) as readable plain text in deltacheck's answer notation:
/// \frac12 -> 1/2, \frac{a - y}{a} -> (a - y)/a, \hat y -> yhat, z_1 -> z1 (a digit
/// subscript joins a one-letter name), w^{(2)}_{11} -> w2_11, w^{(l)}_{jk} -> w{l}_jk,
/// \partial L/\partial z -> dL/dz, Greek letters and functions by name, \cdot -> *,
/// \leftarrow -> <-, \left( -> (; other commands by their name, braces dropped.
std::string plain_formula(const std::string& latex);

/// Prose with its formulas in plain text (plain_formula), for show, template and list.
std::string plain_prose(const std::string& s);

}  // namespace deltacheck
