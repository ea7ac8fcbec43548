// DAG-memoised substitution of symbols.
#include "symbolic/substitute.h"

#include <unordered_map>
#include <utility>

namespace deltacheck {

namespace {
class Substituter : public GiNaC::map_function {
 public:
  explicit Substituter(const GiNaC::exmap& values) : values_(values) {}

  GiNaC::ex operator()(const GiNaC::ex& e) override {
    if (GiNaC::is_a<GiNaC::symbol>(e)) {
      const auto it = values_.find(e);
      return it == values_.end() ? e : it->second;
    }
    if (e.nops() == 0) return e;
    const GiNaC::basic* key = &GiNaC::ex_to<GiNaC::basic>(e);
    const auto hit = memo_.find(key);
    if (hit != memo_.end()) return hit->second.second;
    GiNaC::ex result = e.map(*this);
    memo_.emplace(key, std::make_pair(e, result));  // keeps e alive: its address stays unique
    return result;
  }

 private:
  const GiNaC::exmap& values_;
  std::unordered_map<const GiNaC::basic*, std::pair<GiNaC::ex, GiNaC::ex>> memo_;
};
}  // namespace

GiNaC::ex substitute(const GiNaC::ex& e, const GiNaC::exmap& values) {
  Substituter s(values);
  return s(e);
}

}  // namespace deltacheck
