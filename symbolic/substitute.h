// Substitution that visits each shared subexpression once, for expressions whose tree is far larger
// than their DAG.
#pragma once

#include <ginac/ginac.h>

namespace deltacheck {

/// e with every symbol that is a key of `values` replaced by its value, simultaneously
/// (values are not substituted into again). Cost is linear in the DAG of e, unlike
/// GiNaC's subs, which walks the tree.
GiNaC::ex substitute(const GiNaC::ex& e, const GiNaC::exmap& values);

}  // namespace deltacheck
