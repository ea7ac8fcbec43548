// Which names an answer may use (docs/DESIGN.md §4): never its own key or anything computed from
// it, deltas only where allowed.
#pragma once

#include "exercises/model/exercise.h"
#include "symbolic/reader.h"

namespace deltacheck {

/// A resolver for answers to `key` of exercise `ex`: every quantity of the network in any
/// spelling, except (each refused with the reason, at the name's position):
/// - the key itself, and for a forward key of layer l anything of layer l or later (a{l}_j
///   may use z{l}_j; a softmax unit may use every z{l}_i);
/// - delta names, unless the exercise allows them, and then only in gradients and in the
///   delta of an earlier layer;
/// - the loss L.
/// `symbols` must outlive the resolver.
NameResolver part_names(const EquationKey& key, const Exercise& ex, SymbolTable& symbols);

}  // namespace deltacheck
