// Symbolic proofs that an answer equals the truth, each abandoned when it runs past its time
// budget.
#pragma once

#include <vector>

#include <ginac/ginac.h>

namespace deltacheck {

/// True when GiNaC shows e == 0 identically: normal(e), or normal() after rewriting sigmoid,
/// tanh, cosh and sinh into exp (docs/DESIGN.md §8). Sound: never true for a nonzero e. May run
/// long on hostile input; see prove_all.
bool proves_zero(const GiNaC::ex& e);

/// For each list of candidates, whether proves_zero holds for any of them. The proofs run in
/// a child process (core/child_process: its own process group, killed with its parent, under
/// the caller's memory limit): one that is still running after `seconds_each` is abandoned
/// (the child is killed and counts as not proved) and the next starts in a new child; after
/// `seconds_total` the rest count as not proved. A proof that runs out of memory is not
/// proved. Where fork() fails, nothing is proved.
std::vector<bool> prove_all(const std::vector<std::vector<GiNaC::ex>>& candidates,
                            double seconds_each, double seconds_total);

}  // namespace deltacheck
