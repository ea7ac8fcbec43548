// DAG-memoised substitution of symbols.
#include "symbolic/substitute.h"

#include "symbolic/dag_memo.h"

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
    if (const GiNaC::ex* known = memo_.find(e)) return *known;
    return memo_.remember(e, e.map(*this));
  }

 private:
  const GiNaC::exmap& values_;
  DagMemo<GiNaC::ex> memo_;
};
}  // namespace

GiNaC::ex substitute(const GiNaC::ex& e, const GiNaC::exmap& values) {
  Substituter s(values);
  return s(e);
}

}  // namespace deltacheck
