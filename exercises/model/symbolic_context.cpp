// Free symbols and given names for symbolic exercises; diff(EXPRESSION, SYMBOL) truths.
#include "exercises/model/symbolic_context.h"
#include "core/text.h"

#include <algorithm>
#include <cctype>
#include <optional>

namespace deltacheck {

using namespace GiNaC;

namespace {

// A name without its underscores, in lower case: s_3, S3 and s3 are the same slip apart.
std::string folded(const std::string& name) {
  std::string out;
  for (const char c : name)
    if (c != '_') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

SymbolicContext::SymbolicContext(const Exercise& ex) {
  for (const FreeSymbol& s : ex.symbolic().symbols) symbols_.emplace_back(s.name, symbol(s.name));
  listing_ = join(ex.symbolic().symbols, ", ", [](const FreeSymbol& s) { return s.name; });
  for (const auto& [name, text] : ex.symbolic().given) {
    try {
      given_[name] = read_expression(text, names()).value;
    } catch (const ExpressionError& e) {
      throw ExpressionError(e.offset(), "given '" + name + "': " + e.what());
    }
    listing_ += ", " + name;
  }
}

NameResolver SymbolicContext::names(const std::vector<std::string>& uses) const {
  return [this, uses](const std::string& name, std::size_t offset) -> NameMeaning {
    const bool allowed = uses.empty() || std::find(uses.begin(), uses.end(), name) != uses.end();
    for (const auto& [n, s] : symbols_)
      if (n == name && allowed) return {s, n};
    if (const auto it = given_.find(name); it != given_.end() && allowed) return {it->second, name};
    if (const auto slip = read_slip(name, uses)) return *slip;
    throw ExpressionError(offset, "unknown name '" + name + "': this part may use " +
                                      (uses.empty() ? listing_ : join(uses, ", ")));
  };
}

std::optional<NameMeaning> SymbolicContext::read_slip(const std::string& name,
                                                      const std::vector<std::string>& uses) const {
  std::vector<NameMeaning> readings;
  const std::string f = folded(name);
  const auto allowed = [&](const std::string& n) {
    return uses.empty() || std::find(uses.begin(), uses.end(), n) != uses.end();
  };
  for (const auto& [n, s] : symbols_)
    if (folded(n) == f && allowed(n)) readings.push_back({s, n});
  for (const auto& [n, value] : given_)
    if (folded(n) == f && allowed(n)) readings.push_back({value, n});
  if (readings.size() != 1) return std::nullopt;
  return readings.front();
}

ex SymbolicContext::fold_givens(const ex& e) const {
  exmap folded;
  for (const auto& [name, value] : given_)
    if (!is_exactly_a<numeric>(value) && !is_exactly_a<symbol>(value)) folded[value] = symbol(name);
  return e.subs(folded, subs_options::no_pattern);
}

ex SymbolicContext::truth(const std::string& text) const {
  const std::size_t start = text.find_first_not_of(" \t");
  if (start == std::string::npos || text.compare(start, 5, "diff(") != 0)
    return read_expression(text, names()).value;
  // diff(EXPRESSION, SYMBOL): the comma at depth 1 splits it.
  int depth = 0;
  std::size_t comma = std::string::npos, close = std::string::npos;
  for (std::size_t i = start + 4; i < text.size(); ++i) {
    if (text[i] == '(') ++depth;
    if (text[i] == ')' && --depth == 0) {
      close = i;
      break;
    }
    if (text[i] == ',' && depth == 1) comma = i;
  }
  if (comma == std::string::npos || close == std::string::npos)
    throw ExpressionError(start, "write diff(EXPRESSION, SYMBOL), e.g. diff(-log(yhat), yhat)");
  if (text.find_first_not_of(" \t", close + 1) != std::string::npos)
    throw ExpressionError(close + 1, "nothing may follow diff(...)");
  const std::string inner = text.substr(start + 5, comma - start - 5);
  std::string variable = text.substr(comma + 1, close - comma - 1);
  variable.erase(std::remove_if(variable.begin(), variable.end(),
                                [](char c) { return c == ' ' || c == '\t'; }),
                 variable.end());
  ex of;
  try {
    of = read_expression(inner, names()).value;
  } catch (const ExpressionError& e) {
    throw ExpressionError(start + 5 + e.offset(), e.what());
  }
  for (const auto& [n, s] : symbols_)
    if (n == variable) return of.diff(s);
  throw ExpressionError(
      comma + 1,
      "diff(..., " + variable + "): the second argument must be one of the symbols " + listing_);
}

}  // namespace deltacheck
