// A memo of results keyed by an expression's structure, kept across expressions and files.
#pragma once

#include <cstddef>
#include <functional>
#include <unordered_map>
#include <utility>

#include <ginac/ginac.h>

namespace deltacheck {

/// Results keyed by what an expression is, not where it lives: GiNaC's hash, then is_equal.
/// Equal subexpressions written in different lines or different students' files (their
/// canonical forms are the same: a3_1*(1 - a3_1) however it was typed) find one entry, so a
/// pure function of the expression is computed once per memo. Entries keep their nodes alive;
/// at kMaxEntries the memo is emptied and starts again, which bounds its memory whatever it is
/// fed (about 200 bytes an entry besides the node).
template <class V>
class ExpressionMemo {
 public:
  static constexpr std::size_t kMaxEntries = 1 << 14;

  /// The remembered result for an expression equal to e, or nullptr.
  const V* find(const GiNaC::ex& e) const {
    const auto it = map_.find(e);
    return it == map_.end() ? nullptr : &it->second;
  }
  /// Remembers v for e and returns it.
  const V& remember(const GiNaC::ex& e, V v) {
    if (map_.size() >= kMaxEntries) map_.clear();
    return map_.emplace(e, std::move(v)).first->second;
  }
  void clear() { map_.clear(); }
  std::size_t size() const { return map_.size(); }

 private:
  std::unordered_map<GiNaC::ex, V, std::hash<GiNaC::ex>, GiNaC::ex_is_equal> map_;
};

}  // namespace deltacheck
