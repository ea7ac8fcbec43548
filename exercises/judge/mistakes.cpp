// Mutants of the true derivation: the chain rule rebuilt with one step done the way students get it
// wrong.
#include "exercises/judge/mistakes.h"

#include <cctype>

#include <map>
#include <optional>

#include "symbolic/printer.h"

namespace deltacheck {

using namespace GiNaC;
namespace mk = mistake_kind;

namespace {

// Where a mutation changes the chain rule. Layers are 1-based.
constexpr int kNowhere = 0;
constexpr int kEveryLayer = -1;

// The output delta dL/dz{L}_j a mutant uses.
enum class OutputDelta {
  right,                // the true output delta
  of_other_loss,        // the delta of the other loss (squared for cross-entropy and back)
  activation_gradient,  // dL/da{L}_j where dL/dz{L}_j belongs
  softmax_diagonal,     // only the diagonal of the softmax Jacobian
};

// One step of the chain rule done wrong (the default changes nothing).
struct Mutation {
  int dropped_layer = kNowhere;  // f' of this layer becomes 1 (kEveryLayer: of every layer)
  int wrong_layer = kNowhere;    // f' of this layer becomes its typical wrong derivative `variant`
  std::size_t variant = 0;
  int transposed_layer =
      kNowhere;  // the backward sum through this layer's weights uses w_jk for w_kj
  int wrong_weight_layer = kNowhere;  // ... uses the weight of the next unit of the layer below
  int missing_layer = kNowhere, missing_unit = kNowhere;  // the path through this unit is left out
  OutputDelta output = OutputDelta::right;
};

Mutation with_output(OutputDelta output) {
  Mutation k;
  k.output = output;
  return k;
}

struct Variant {
  ex value;
  std::string text;  // as the student wrote it
};

class Mutator {
 public:
  explicit Mutator(Derivation& d) : d_(d), net_(d.network()), s_(d.symbols()), L_(net_.depth()) {}

  ex a(int l, int j) {
    return l == 0 ? ex(s_({QuantityKind::input, 0, j, 0}))
                  : ex(s_({QuantityKind::activation, l, j, 0}));
  }
  ex z(int l, int j) { return s_({QuantityKind::preactivation, l, j, 0}); }
  ex w(int l, int j, int k) { return s_({QuantityKind::weight, l, j, k}); }
  ex b(int l, int j) { return s_({QuantityKind::bias, l, j, 0}); }
  ex y(int j) { return s_({QuantityKind::target, 0, j, 0}); }
  std::string text(const ex& e) { return print_expression(e, net_); }
  const Network& net() const { return net_; }
  int depth() const { return L_; }

  // Does the output delta carry f'(z{L}) as a separate factor (squared loss, not softmax)?
  bool output_has_derivative() const {
    return net_.loss == Loss::squared && net_.activation(L_) != Activation::softmax &&
           net_.activation(L_) != Activation::linear;
  }
  bool droppable(int m) const {
    const Activation f = net_.activation(m);
    if (f == Activation::linear || f == Activation::softmax) return false;
    return m < L_ || output_has_derivative();
  }

  ex derivative(int l, int j) {
    return activation_derivative(net_.activation(l), a(l, j), z(l, j));
  }

  // Typical wrong derivatives of activation f at unit (l, j).
  std::vector<Variant> variants(int l, int j) {
    const ex A = a(l, j), Z = z(l, j);
    std::vector<ex> v;
    switch (net_.activation(l)) {
      case Activation::sigmoid:
        v = {Z * (1 - Z), A, 1 - A};
        break;
      case Activation::tanh:
        v = {1 - A, 1 - pow(Z, 2), A * (1 - A)};
        break;
      case Activation::relu:
        v = {A, Z};
        break;
      default:
        break;
    }
    std::vector<Variant> out;
    for (const ex& e : v) out.push_back({e, text(e)});
    return out;
  }

  ex fprime(int l, int j, const Mutation& k) {
    if (k.dropped_layer == l || k.dropped_layer == kEveryLayer) return 1;
    if (k.wrong_layer == l) return variants(l, j)[k.variant].value;
    return derivative(l, j);
  }

  ex output_delta(int j, const Mutation& k) {
    const Activation f = net_.activation(L_);
    const ex A = a(L_, j), Y = y(j);
    const bool crossentropy = net_.loss == Loss::crossentropy;
    if (f == Activation::softmax) {
      switch (k.output) {
        case OutputDelta::softmax_diagonal:
          return (A - Y) * A * (1 - A);
        case OutputDelta::activation_gradient:
          return crossentropy ? -Y / A : A - Y;
        case OutputDelta::of_other_loss:
          return crossentropy ? (A - Y) * A * (1 - A) : A - Y;
        case OutputDelta::right:
          break;
      }
      return d_.rhs({{QuantityKind::delta, L_, j, 0}, false});
    }
    if (!crossentropy)
      return k.output == OutputDelta::of_other_loss ? A - Y : (A - Y) * fprime(L_, j, k);
    const ex slope = derivative(L_, j);
    if (k.output == OutputDelta::of_other_loss) return (A - Y) * slope;
    if (k.output == OutputDelta::activation_gradient) return (A - Y) / slope;
    return A - Y;
  }

  // dL/dz{l}_j in local form, with the mutation applied; nothing when a mutated weight does not
  // exist or a mutation of the backward sums changes nothing on the paths of (l, j).
  std::optional<ex> delta(int l, int j, const Mutation& k) {
    Walk walk;
    walk.changed = !(k.transposed_layer || k.wrong_weight_layer || k.missing_layer);
    const ex result = delta_in(l, j, k, walk);
    if (!walk.valid || !walk.changed) return std::nullopt;
    return result;
  }

 private:
  // One walk down the backward sums.
  struct Walk {
    std::map<std::pair<int, int>, ex> memo;  // the delta of each unit already walked
    bool valid = true;                       // every weight the mutation uses exists
    bool changed = false;                    // the mutation changed a term on the way
  };

  ex delta_in(int l, int j, const Mutation& k, Walk& walk) {
    if (l == L_) return output_delta(j, k);
    const auto key = std::make_pair(l, j);
    if (const auto it = walk.memo.find(key); it != walk.memo.end()) return it->second;
    ex sum = 0;
    const int m = l + 1;
    for (int u = 1; u <= net_.units(m); ++u) {
      if (k.missing_layer == m && k.missing_unit == u) {
        walk.changed = true;
        continue;
      }
      int row = u, column = j;
      if (k.transposed_layer == m) std::swap(row, column);
      if (k.wrong_weight_layer == m) column = j % net_.units(l) + 1;
      if (row != u || column != j) walk.changed = true;
      if (row > net_.units(m) || column > net_.units(l)) walk.valid = false;
      if (!walk.valid) return 0;
      sum += delta_in(m, u, k, walk) * w(m, row, column);
    }
    const ex result = sum * fprime(l, j, k);
    walk.memo.emplace(key, result);
    return result;
  }

  Derivation& d_;
  const Network& net_;
  SymbolTable& s_;
  int L_;
};

std::string layer_word(int l, const Network& net) {
  return l == net.depth() ? "the output layer" : "layer " + std::to_string(l);
}

// The mistakes of one part of the backward pass: dL/dz{l}_j times `input` (a gradient's
// dz/dp factor; 1 for a delta), each made by one mutation of the chain rule.
class BackwardMistakes {
 public:
  BackwardMistakes(Mutator& m, int l, int j, const ex& input)
      : m_(m), net_(m.net()), L_(m.depth()), l_(l), j_(j), input_(input) {}

  // Activation derivatives dropped or wrong, the output delta mixed up, the backward sums wrong.
  void add_chain_rule_mistakes() {
    add_dropped_derivatives();
    add_output_delta_mixups();
    add_wrong_derivatives();
    for (int layer = l_ + 1; layer <= L_; ++layer) add_backward_sum_mistakes(layer);
  }

  // The gradient of parameter p with its input factor dz/dp dropped or wrong.
  void add_input_factor_mistakes(const Quantity& p) {
    const std::string name = quantity_name(p, net_);
    if (p.kind == QuantityKind::weight) {
      add_weight_input_mistakes(p.k, name);
      return;
    }
    for (int k = 1; k <= net_.units(l_ - 1); ++k)
      add(mk::kBiasWithInput,
          "a bias has no input factor: dz" + std::to_string(l_) + "_" + std::to_string(j_) + "/d" +
              name + " = 1, not " + m_.text(m_.a(l_ - 1, k)),
          Mutation(), m_.a(l_ - 1, k));
  }

  std::vector<Mistake> take() { return std::move(found_); }

 private:
  void add(const char* kind, const std::string& description, const Mutation& k, const ex& factor) {
    if (const auto d = m_.delta(l_, j_, k)) found_.push_back({kind, description, *d * factor});
  }

  // The unit whose f' a description shows: (l, j) itself, unit 1 of the layers above.
  int unit_of(int layer) const { return layer == l_ ? j_ : 1; }

  // s about unit 1 of `layer`, said of every unit k when several units of it are on the paths.
  std::string in_unit(int layer, const std::string& s) const {
    if (layer == l_ || net_.units(layer) <= 1) return s;
    std::string r = s;
    const std::string from = std::to_string(layer) + "_1", to = std::to_string(layer) + "_k";
    for (std::size_t pos = r.find(from); pos != std::string::npos;
         pos = r.find(from, pos + to.size()))
      r.replace(pos, from.size(), to);
    // The output layer's unit k is compared with its own target yk.
    for (std::size_t pos = r.find("y1"); layer == L_ && pos != std::string::npos;
         pos = r.find("y1", pos + 2))
      if (pos == 0 || !std::isalnum(static_cast<unsigned char>(r[pos - 1])))
        r.replace(pos, 2, "yk");
    return r + " for each unit k of layer " + std::to_string(layer);
  }

  // f'(z) of one unit in words: "sigmoid'(z2_1) = a2_1*(1 - a2_1)".
  std::string derivative_text(int layer) {
    const int u = unit_of(layer);
    return activation_name(net_.activation(layer)) + "'(" + m_.text(m_.z(layer, u)) +
           ") = " + m_.text(m_.derivative(layer, u));
  }

  // Activation derivatives dropped, one layer at a time, then all of them.
  void add_dropped_derivatives() {
    int droppable = 0;
    for (int layer = L_; layer >= l_; --layer) {
      if (!m_.droppable(layer)) continue;
      ++droppable;
      Mutation k;
      k.dropped_layer = layer;
      std::string d = "the derivative of the " + activation_name(net_.activation(layer)) + " of " +
                      layer_word(layer, net_) + " is missing: the chain rule needs the factor " +
                      in_unit(layer, derivative_text(layer));
      if (layer == L_ && net_.loss == Loss::squared)
        d += " (" + in_unit(L_, m_.text(m_.a(L_, unit_of(L_)) - m_.y(unit_of(L_)))) +
             " alone would be the delta of the cross-entropy loss, not of the squared loss)";
      add(layer == L_ ? mk::kLossDeltaMixup : mk::kDroppedDerivative, d, k, input_);
    }
    if (droppable < 2) return;
    Mutation k;
    k.dropped_layer = kEveryLayer;
    add(mk::kDroppedDerivative,
        "every activation derivative is missing: each layer on the path contributes its f'(z), e.g. " +
            derivative_text(l_),
        k, input_);
  }

  // The output delta of the other loss, dL/da for dL/dz, the softmax Jacobian's diagonal only.
  void add_output_delta_mixups() {
    const Activation f = net_.activation(L_);
    const int u = unit_of(L_);  // the part's own unit when it is an output unit
    const std::string right = m_.text(m_.a(L_, u) - m_.y(u));
    if (net_.loss == Loss::crossentropy && (f == Activation::sigmoid || f == Activation::softmax)) {
      add(mk::kLossDeltaMixup,
          in_unit(L_, "with the cross-entropy loss and a " + activation_name(f) +
                          " output, the output delta is dL/dz" + std::to_string(L_) + "_" +
                          std::to_string(u) + " = " + right + ": the " + activation_name(f) +
                          "' cancels; the extra factor " +
                          m_.text(m_.a(L_, u) * (1 - m_.a(L_, u))) +
                          " belongs to the squared loss"),
          with_output(OutputDelta::of_other_loss), input_);
      add(mk::kActivationGradientForDelta,
          in_unit(L_, "dL/d" + m_.text(m_.a(L_, u)) + " is used where dL/dz" + std::to_string(L_) +
                          "_" + std::to_string(u) +
                          " belongs: the output delta is dL/dz = dL/da * da/dz = " + right),
          with_output(OutputDelta::activation_gradient), input_);
    }
    if (f == Activation::softmax && net_.loss == Loss::squared) {
      add(mk::kSoftmaxDiagonal,
          "only the diagonal of the softmax Jacobian is used: da_i/dz_j = a_i*(delta_ij - a_j) couples every output unit",
          with_output(OutputDelta::softmax_diagonal), input_);
      add(mk::kLossDeltaMixup,
          "the output delta is not " + right +
              " with the squared loss and a softmax output: sum over i of (a_i - y_i)*a_i*(delta_ij - a_j)",
          with_output(OutputDelta::of_other_loss), input_);
    }
  }

  // Each typical wrong activation derivative, one layer at a time.
  void add_wrong_derivatives() {
    for (int layer = L_; layer >= l_; --layer) {
      if (!m_.droppable(layer)) continue;
      const std::vector<Variant> vs = m_.variants(layer, unit_of(layer));
      for (std::size_t v = 0; v < vs.size(); ++v) {
        Mutation k;
        k.wrong_layer = layer;
        k.variant = v;
        std::string d = in_unit(layer, derivative_text(layer) + ", not " + vs[v].text);
        if (vs[v].value.has(m_.z(layer, unit_of(layer))) &&
            net_.activation(layer) != Activation::relu)
          d += " (the derivative is written in the unit's activation a, not in z)";
        add(mk::kWrongDerivative, d, k, input_);
      }
    }
  }

  // The backward sum through `layer`: transposed weights, the weight of another unit, a missing
  // path.
  void add_backward_sum_mistakes(int layer) {
    const std::string above = std::to_string(layer), below = std::to_string(layer - 1);
    Mutation k;
    k.transposed_layer = layer;
    add(mk::kTransposedWeight,
        "the weights of the backward sum through " + layer_word(layer, net_) +
            " are transposed: delta" + below + "_j sums delta" + above + "_k*w" + above +
            "_kj over k (w" + above + "_kj joins unit j of layer " + below +
            " to unit k of layer " + above + ")",
        k, input_);
    if (layer == l_ + 1 && net_.units(l_) >= 2) {
      Mutation kw;
      kw.wrong_weight_layer = layer;
      add(mk::kWrongWeight,
          "the backward sum for unit " + std::to_string(j_) + " of layer " + std::to_string(l_) +
              " uses the weights from unit " + std::to_string(j_) + " (w" + above + "_k" +
              std::to_string(j_) + "), not those of another unit",
          kw, input_);
    }
    if (net_.units(layer) < 2) return;
    for (int u = 1; u <= net_.units(layer); ++u) {
      Mutation km;
      km.missing_layer = layer;
      km.missing_unit = u;
      add(mk::kMissingPath,
          "a path is missing: the sum over " + layer_word(layer, net_) +
              " needs the term through unit " + std::to_string(u) + " (the one with delta" + above +
              "_" + std::to_string(u) + ")",
          km, input_);
    }
  }

  // The input factor a{l-1}_k of weight w{l}_jk dropped, in z, of the wrong unit, or the unit's own
  // output.
  void add_weight_input_mistakes(int k, const std::string& name) {
    const Mutation none;
    const std::string dz = "dz" + std::to_string(l_) + "_" + std::to_string(j_) + "/d" + name +
                           " = " + m_.text(input_);
    add(mk::kMissingInputFactor, "the factor " + dz + " is missing", none, 1);
    if (l_ >= 2)
      add(mk::kZForA,
          m_.text(m_.z(l_ - 1, k)) + " is used where " + m_.text(input_) + " belongs: " + dz, none,
          m_.z(l_ - 1, k));
    for (int other = 1; other <= net_.units(l_ - 1); ++other)
      if (other != k)
        add(mk::kWrongUnit,
            "the input of the wrong unit: " + dz + " (" + name + " comes from unit " +
                std::to_string(k) + "), not " + m_.text(m_.a(l_ - 1, other)),
            none, m_.a(l_ - 1, other));
    if (l_ >= 2 && k <= net_.inputs)
      add(mk::kWrongUnit,
          "the input x" + std::to_string(k) + " is used where " + m_.text(input_) +
              " belongs: " + dz,
          none, m_.a(0, k));
    add(mk::kWrongUnit,
        "the output " + m_.text(m_.a(l_, j_)) +
            " of the unit is used where its input belongs: " + dz,
        none, m_.a(l_, j_));
  }

  Mutator& m_;
  const Network& net_;
  const int L_, l_, j_;
  const ex input_;
  std::vector<Mistake> found_;
};

// Mistakes of z{l}_j = sum_k w{l}_jk a{l-1}_k + b{l}_j: a term or the bias left out, z or x
// for a, transposed weights, the bias of another unit.
std::vector<Mistake> preactivation_mistakes(Mutator& m, const Quantity& q) {
  const Network& net = m.net();
  const int l = q.layer, j = q.j, n = net.units(l - 1);
  const auto sum = [&](auto weight, auto input, bool bias) {
    ex s = bias ? m.b(l, j) : ex(0);
    for (int k = 1; k <= n; ++k) s += weight(k) * input(k);
    return s;
  };
  const auto true_w = [&](int k) { return m.w(l, j, k); };
  const auto true_a = [&](int k) { return m.a(l - 1, k); };
  const std::string zl = m.text(m.z(l, j)), below = std::to_string(l - 1);
  const std::string zt = m.text(sum(true_w, true_a, true)), right = zl + " = " + zt;
  std::vector<Mistake> out;
  out.push_back({mk::kMissingBias, "the bias " + m.text(m.b(l, j)) + " is missing: " + right,
                 sum(true_w, true_a, false)});
  if (l >= 2) {
    out.push_back({mk::kZForA,
                   zl + " sums the activations a" + below +
                       "_k of the layer below, not their pre-activations z" + below + "_k: " + zt,
                   sum(
                       true_w, [&](int k) { return m.z(l - 1, k); }, true)});
    if (n <= net.inputs)
      out.push_back({mk::kWrongUnit,
                     zl + " sums the activations of layer " + below + ", not the inputs x: " + zt,
                     sum(
                         true_w, [&](int k) { return m.a(0, k); }, true)});
  }
  if (n <= net.units(l) && j <= n && n > 1)
    out.push_back({mk::kTransposedWeight,
                   "the weight indices are transposed: w" + std::to_string(l) +
                       "_jk joins unit k of layer " + below + " to unit j of layer " +
                       std::to_string(l) + ", so " + right,
                   sum([&](int k) { return m.w(l, k, j); }, true_a, true)});
  if (n >= 2)
    for (int k = 1; k <= n; ++k)
      out.push_back({mk::kMissingTerm,
                     "the term " + m.text(m.w(l, j, k) * m.a(l - 1, k)) + " is missing: " + right,
                     sum(true_w, true_a, true) - m.w(l, j, k) * m.a(l - 1, k)});
  for (int other = 1; other <= net.units(l); ++other)
    if (other != j)
      out.push_back({mk::kWrongUnit, "the bias of another unit: " + right,
                     sum(true_w, true_a, false) + m.b(l, other)});
  return out;
}

// Mistakes of a{l}_j = f(z{l}_j) (or the output yhat): the activation left out or another one,
// the pre-activation of another unit.
std::vector<Mistake> activation_mistakes(Mutator& m, const Quantity& q) {
  const Network& net = m.net();
  const int l = q.kind == QuantityKind::output ? net.depth() : q.layer, j = q.j;
  const Activation f = net.activation(l);
  const ex Z = m.z(l, j);
  const std::string right = m.text(m.a(l, j)) + " = " + activation_name(f) + "(" + m.text(Z) + ")";
  std::vector<Mistake> out;
  if (f == Activation::softmax) {
    out.push_back({mk::kMissingActivation,
                   "the softmax divides by the sum over the layer: " + m.text(m.a(l, j)) +
                       " = exp(" + m.text(Z) + ")/(sum over i of exp(z" + std::to_string(l) +
                       "_i))",
                   exp(Z)});
    out.push_back({mk::kWrongActivation,
                   "layer " + std::to_string(l) + " uses softmax, not sigmoid",
                   apply_activation(Activation::sigmoid, Z)});
    return out;
  }
  if (f != Activation::linear)
    out.push_back({mk::kMissingActivation, "the activation is missing: " + right, Z});
  for (Activation g : {Activation::sigmoid, Activation::tanh, Activation::relu})
    if (g != f)
      out.push_back({mk::kWrongActivation,
                     "layer " + std::to_string(l) + " uses " + activation_name(f) + ", not " +
                         activation_name(g) + ": " + right,
                     apply_activation(g, Z)});
  for (int other = 1; other <= net.units(l); ++other)
    if (other != j && f != Activation::linear)
      out.push_back({mk::kWrongUnit, "the pre-activation of another unit: " + right,
                     apply_activation(f, m.z(l, other))});
  return out;
}

// The loss L written as the other loss.
Mistake loss_mistake(Mutator& m) {
  const Network& net = m.net();
  const int L = net.depth();
  ex other = 0;
  for (int j = 1; j <= net.outputs(); ++j) {
    const ex A = m.a(L, j), Y = m.y(j);
    if (net.loss == Loss::crossentropy)
      other += pow(A - Y, 2) / 2;
    else
      other -= Y * log(A) + (1 - Y) * log(1 - A);
  }
  return {mk::kWrongLoss,
          "this is the " + std::string(net.loss == Loss::squared ? "cross-entropy" : "squared") +
              " loss, not the " + loss_name(net.loss) + " loss",
          other};
}

// The mistakes made inside the part itself (not the answers of the other parts).
std::vector<Mistake> own_mistakes(Mutator& m, const EquationKey& key) {
  const Quantity& q = key.quantity;
  if (key.gradient || q.kind == QuantityKind::delta) {
    BackwardMistakes backward(
        m, q.layer, q.j,
        key.gradient && q.kind == QuantityKind::weight ? m.a(q.layer - 1, q.k) : ex(1));
    backward.add_chain_rule_mistakes();
    if (key.gradient) backward.add_input_factor_mistakes(q);
    return backward.take();
  }
  if (q.kind == QuantityKind::preactivation) return preactivation_mistakes(m, q);
  if (q.kind == QuantityKind::activation || q.kind == QuantityKind::output)
    return activation_mistakes(m, q);
  if (q.kind == QuantityKind::loss) return {loss_mistake(m)};
  return {};
}

}  // namespace

std::vector<Mistake> plausible_mistakes(const EquationKey& key, Derivation& d) {
  Mutator m(d);
  const Network& net = d.network();
  const Quantity& q = key.quantity;
  std::vector<Mistake> out = own_mistakes(m, key);
  // The answer of another part of the same kind (a transposed weight index among them).
  const auto other_part = [&](const EquationKey& other) {
    if (other.gradient == key.gradient && other.quantity == key.quantity) return;
    const std::string name = other.text(net, NameStyle::short_form);
    if (key.gradient && q.kind == QuantityKind::weight &&
        other.quantity.kind == QuantityKind::weight && other.quantity.layer == q.layer &&
        other.quantity.j == q.k && other.quantity.k == q.j)
      out.push_back({mk::kTransposedWeight,
                     "this is " + name + ": " + quantity_name(q, net) + " joins unit " +
                         std::to_string(q.k) + " of layer " + std::to_string(q.layer - 1) +
                         " to unit " + std::to_string(q.j) + " of layer " +
                         std::to_string(q.layer) +
                         " (in w{l}_jk, j is the unit of layer l and k the unit of layer l-1)",
                     d.rhs(other)});
    else
      out.push_back(
          {mk::kWrongPart,
           "this is the answer for " + name + ", not for " + key.text(net, NameStyle::short_form),
           d.rhs(other)});
  };
  if (key.gradient) {
    for (const Quantity& p : parameters(net)) other_part({p, true});
  } else if (q.kind == QuantityKind::preactivation || q.kind == QuantityKind::activation) {
    for (const Equation& e : d.forward()) other_part(e.key);
  } else if (q.kind == QuantityKind::delta) {
    for (const Equation& e : d.deltas()) other_part(e.key);
  }
  return out;
}

}  // namespace deltacheck
