// Symbolic exercises: symbols drawn as 6-place decimals, truths read from the exercise, its named
// mistakes.
#include "exercises/judge/judge_symbolic.h"

#include <iomanip>
#include <random>
#include <sstream>

#include "core/scalar_text.h"
#include "symbolic/expression_size.h"

namespace deltacheck {

namespace mk = mistake_kind;

namespace {

// A value drawn uniformly from [low, high] as a 6-place decimal.
std::string draw(const FreeSymbol& f, std::mt19937_64& rng) {
  const long long lo = std::llround(f.low * 1e6), hi = std::llround(f.high * 1e6);
  const long long n = lo + static_cast<long long>(rng() % static_cast<std::uint64_t>(hi - lo + 1));
  std::ostringstream value;
  value << (n < 0 ? "-" : "") << std::llabs(n) / 1000000 << "." << std::setw(6) << std::setfill('0')
        << std::llabs(n) % 1000000;
  return value.str();
}

}  // namespace

SymbolicJudge::SymbolicJudge(Exercise exercise) : Judge(std::move(exercise)) {
  context_ = std::make_unique<SymbolicContext>(exercise_);
  draw_points(static_cast<std::size_t>(std::max(exercise_.sample_points, 8)));
  for (const Part& part : exercise_.parts) add_truth(context_->truth(part.symbolic.truth));
}

void SymbolicJudge::draw_points(std::size_t count) {
  std::mt19937_64 rng(student_seed(exercise_.id, ""));
  const std::vector<FreeSymbol>& symbols = exercise_.symbolic().symbols;
  exact_.resize(count);
  screen_.resize(count);
  for (std::size_t i = 0; i < count; ++i) {
    std::string text;
    for (std::size_t k = 0; k < symbols.size(); ++k) {
      const std::string value = draw(symbols[k], rng);
      exact_[i].bind(context_->symbols()[k].second, from_text<Real50>(value));
      screen_[i].bind(context_->symbols()[k].second, from_text<double>(value));
      text += (text.empty() ? "" : ", ") + symbols[k].name + " = " + value;
    }
    point_texts_.push_back(text);
  }
}

NameResolver SymbolicJudge::names(std::size_t part) {
  return context_->names(exercise_.parts[part].symbolic.uses);
}

NameResolver SymbolicJudge::step_names(const std::string&) { return context_->names(); }

GiNaC::ex SymbolicJudge::solution_expression(std::size_t part) const {
  return context_->fold_givens(truths_[part].rhs);
}

std::vector<Mistake> SymbolicJudge::named_mistakes(std::size_t part) const {
  const SymbolicPart& p = exercise_.parts[part].symbolic;
  std::vector<Mistake> out;
  for (const KnownMistake& k : p.mistakes)
    out.push_back(
        {mk::kKnownMistake, k.feedback, read_expression(k.answer, context_->names(p.uses)).value});
  return out;
}

// A part whose truth is an earlier part's truth plus (or times) something simpler inherits that
// part's named mistakes: w_next = w + dw meets each wrong dw as w + (wrong dw).
std::vector<Mistake> SymbolicJudge::mistakes_of(std::size_t part) {
  std::vector<Mistake> out = named_mistakes(part);
  const GiNaC::ex& mine = truths_[part].rhs;
  const std::size_t size = tree_size(mine.expand(), kInheritSizeLimit);
  for (std::size_t q = 0; q < part; ++q) {
    const GiNaC::ex& earlier = truths_[q].rhs;
    const bool sum = tree_size((mine - earlier).expand(), kInheritSizeLimit) < size;
    const bool product = !sum && tree_size(GiNaC::normal(mine / earlier), kInheritSizeLimit) < size;
    if (!sum && !product) continue;
    for (const Mistake& m : named_mistakes(q)) {
      const GiNaC::ex value = sum ? mine - earlier + m.value : mine / earlier * m.value;
      out.push_back(
          {m.kind, m.description + " (as in " + exercise_.parts[q].answer_key + ")", value});
    }
  }
  return out;
}

}  // namespace deltacheck
