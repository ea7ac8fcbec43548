// A memo over GiNaC's shared expression DAG: each node's result computed once per walk.
#pragma once

#include <unordered_map>
#include <utility>

#include <ginac/ginac.h>

namespace deltacheck {

/// Results keyed by node identity. GiNaC's op(i) on a sum or product may build a temporary,
/// so each entry keeps its node alive: an address is never reused for another node while
/// the memo lives.
template <class V>
class DagMemo {
 public:
  /// The remembered result for e, or nullptr.
  const V* find(const GiNaC::ex& e) const {
    const auto it = map_.find(&GiNaC::ex_to<GiNaC::basic>(e));
    return it == map_.end() ? nullptr : &it->second.second;
  }
  /// Remembers v for e and returns it.
  const V& remember(const GiNaC::ex& e, V v) {
    return map_.emplace(&GiNaC::ex_to<GiNaC::basic>(e), std::make_pair(e, std::move(v)))
        .first->second.second;
  }
  void clear() { map_.clear(); }

 private:
  std::unordered_map<const GiNaC::basic*, std::pair<GiNaC::ex, V>> map_;
};

}  // namespace deltacheck
