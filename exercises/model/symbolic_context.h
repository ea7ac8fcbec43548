// The free symbols of a symbolic exercise, the names defined from them, and truths written as
// diff(...).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <ginac/ginac.h>

#include "exercises/model/exercise.h"
#include "symbolic/reader.h"

namespace deltacheck {

/// One GiNaC symbol per free symbol of a symbolic exercise, and each `given` name bound to
/// its expression in them (s1 = exp(z1)/(exp(z1) + ...)), read in order so a given may use
/// earlier ones.
class SymbolicContext {
 public:
  /// Reads the exercise's givens; throws ExpressionError (with the given's name in the
  /// message) when one cannot be read.
  explicit SymbolicContext(const Exercise& ex);

  /// A resolver for answers (and truths): the free symbols and the givens, or when `uses`
  /// is not empty only those names, each also with underscores or case slipped where that
  /// has one reading (s_3 or S3 for s3); any other name is refused, saying which names there are.
  NameResolver names(const std::vector<std::string>& uses = {}) const;

  /// Reads a truth: an expression, or diff(EXPRESSION, SYMBOL) for its derivative by a free
  /// symbol. Throws ExpressionError at the offset in `text`.
  GiNaC::ex truth(const std::string& text) const;

  /// e with every given's expression written as the given's name again (a symbol of that
  /// name), where it appears as a whole: for printing worked solutions the way they are asked.
  GiNaC::ex fold_givens(const GiNaC::ex& e) const;

  /// The free symbols, in the order declared.
  const std::vector<std::pair<std::string, GiNaC::symbol>>& symbols() const { return symbols_; }

 private:
  /// The one allowed name that `name` is a slip of (underscores, case), or nothing.
  std::optional<NameMeaning> read_slip(const std::string& name,
                                       const std::vector<std::string>& uses) const;

  std::vector<std::pair<std::string, GiNaC::symbol>> symbols_;
  std::map<std::string, GiNaC::ex> given_;
  std::string listing_;  // "yhat, y, z" for messages
};

}  // namespace deltacheck
