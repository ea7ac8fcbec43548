// Tree size of GiNaC expressions, memoised on the DAG.
#include "symbolic/expression_size.h"

#include <algorithm>

#include "symbolic/dag_memo.h"

namespace deltacheck {

namespace {
std::size_t size_of(const GiNaC::ex& e, std::size_t limit, DagMemo<std::size_t>& memo) {
  if (const std::size_t* known = memo.find(e)) return *known;
  std::size_t n = 1;
  for (std::size_t i = 0; i < e.nops() && n < limit; ++i)
    n = std::min(limit, n + size_of(e.op(i), limit, memo));
  return memo.remember(e, n);
}
}  // namespace

std::size_t tree_size(const GiNaC::ex& e, std::size_t limit) {
  DagMemo<std::size_t> memo;
  return size_of(e, limit, memo);
}

}  // namespace deltacheck
