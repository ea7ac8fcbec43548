// Which names an answer may use (docs/DESIGN.md §4): never its own key or anything computed from
// it, deltas only where allowed.
#pragma once

#include <optional>

#include "exercises/model/exercise.h"
#include "symbolic/derivation.h"
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

/// part_names, and chain-rule factors dA/dB (chain_factors.h) read as their true value, except
/// a factor that is another name of the key itself (dL/dw2_11 in an answer to dL/dw2_11,
/// dL/dz2_1 in delta2_1) or of a delta it may not use, and any factor of the loss in a forward
/// key. `d` must outlive the resolver.
NameResolver part_names(const EquationKey& key, const Exercise& ex, Derivation& d);

/// The names a line of working may use that is not a key of the network (a name of the
/// student's own, a factor dA/dB): every quantity and factor, deltas where the exercise gives
/// them. `d` must outlive the resolver.
NameResolver step_names(const Exercise& ex, Derivation& d);

/// Why the factor named `name` may not appear (through a definition or directly) in an answer to
/// `key`; nothing when it may or when `name` is no factor.
std::optional<std::string> factor_refusal(const std::string& name, const EquationKey& key,
                                          const Exercise& ex);

/// Why `value`, what a definition an answer to `key` uses stands for, may not appear in it
/// (a quantity the key may not use, as part_names says, deltas by their layers only); nothing
/// when it may.
std::optional<std::string> value_refusal(const GiNaC::ex& value, const EquationKey& key,
                                         const Exercise& ex, SymbolTable& symbols);

}  // namespace deltacheck
