// Tree size of GiNaC expressions, memoised on the DAG.
#include "symbolic/expression_size.h"

#include <algorithm>
#include <unordered_map>
#include <utility>

namespace deltacheck {

namespace {
// GiNaC's op(i) on a sum or product may build a temporary; the memo keeps every visited
// node alive so that an address is never reused for another node during one count.
using Memo = std::unordered_map<const GiNaC::basic*, std::pair<GiNaC::ex, std::size_t>>;

std::size_t size_of(const GiNaC::ex& e, std::size_t limit, Memo& memo) {
  const GiNaC::basic* key = &GiNaC::ex_to<GiNaC::basic>(e);
  const auto it = memo.find(key);
  if (it != memo.end()) return it->second.second;
  std::size_t n = 1;
  for (std::size_t i = 0; i < e.nops() && n < limit; ++i) n = std::min(limit, n + size_of(e.op(i), limit, memo));
  memo.emplace(key, std::make_pair(e, n));
  return n;
}
}  // namespace

std::size_t tree_size(const GiNaC::ex& e, std::size_t limit) {
  Memo memo;
  return size_of(e, limit, memo);
}

}  // namespace deltacheck
