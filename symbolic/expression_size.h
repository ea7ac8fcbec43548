// The size an expression has when printed as a tree, counted on GiNaC's shared DAG without
// expanding it.
#pragma once

#include <cstddef>

#include <ginac/ginac.h>

namespace deltacheck {

/// Number of nodes of e written out as a tree (shared subexpressions counted once per use),
/// saturating at `limit` so that a huge expression costs no more than its DAG.
std::size_t tree_size(const GiNaC::ex& e, std::size_t limit);

}  // namespace deltacheck
