// Mutants of the true derivation: the chain rule rebuilt with one step done the way students get it wrong.
#include "exercises/mistakes.h"

#include <map>
#include <optional>

#include "symbolic/printer.h"

namespace deltacheck {

using namespace GiNaC;
namespace mk = mistake_kind;

namespace {

// What to change in the chain rule. Layers are 1-based; 0 means "nowhere".
struct Knobs {
  int drop_layer = 0;          // f' of this layer becomes 1 (-1: every layer)
  int wrong_layer = 0;         // f' of this layer becomes derivative variant `variant`
  int variant = 0;
  int transpose_layer = 0;     // the backward sum through this layer's weights uses w_jk for w_kj
  int wrong_weight_layer = 0;  // ... uses the weight of the next unit of the layer below
  int missing_layer = 0, missing_unit = 0;  // the path through this unit is left out
  int output = 0;              // output delta: 0 true, 1 the other loss's, 2 dL/da, 3 softmax diagonal only
};

struct Variant {
  ex value;
  std::string text;  // as the student wrote it
};

class Mutator {
 public:
  explicit Mutator(Derivation& d) : d_(d), net_(d.network()), s_(d.symbols()), L_(net_.depth()) {}

  ex a(int l, int j) { return l == 0 ? ex(s_({QuantityKind::input, 0, j, 0})) : ex(s_({QuantityKind::activation, l, j, 0})); }
  ex z(int l, int j) { return s_({QuantityKind::preactivation, l, j, 0}); }
  ex w(int l, int j, int k) { return s_({QuantityKind::weight, l, j, k}); }
  ex b(int l, int j) { return s_({QuantityKind::bias, l, j, 0}); }
  ex y(int j) { return s_({QuantityKind::target, 0, j, 0}); }
  std::string text(const ex& e) { return print_expression(e, net_); }
  const Network& net() const { return net_; }
  int depth() const { return L_; }

  // Does the output delta carry f'(z{L}) as a separate factor (squared loss, not softmax)?
  bool output_has_derivative() const {
    return net_.loss == Loss::squared && net_.activation(L_) != Activation::softmax && net_.activation(L_) != Activation::linear;
  }
  bool droppable(int m) const {
    const Activation f = net_.activation(m);
    if (f == Activation::linear || f == Activation::softmax) return false;
    return m < L_ || output_has_derivative();
  }

  ex derivative(int l, int j) { return activation_derivative(net_.activation(l), a(l, j), z(l, j)); }

  // Typical wrong derivatives of activation f at unit (l, j).
  std::vector<Variant> variants(int l, int j) {
    const ex A = a(l, j), Z = z(l, j);
    std::vector<ex> v;
    switch (net_.activation(l)) {
      case Activation::sigmoid: v = {Z * (1 - Z), A, 1 - A}; break;
      case Activation::tanh: v = {1 - A, 1 - pow(Z, 2), A * (1 - A)}; break;
      case Activation::relu: v = {A, Z}; break;
      default: break;
    }
    std::vector<Variant> out;
    for (const ex& e : v) out.push_back({e, text(e)});
    return out;
  }

  ex fprime(int l, int j, const Knobs& k) {
    if (k.drop_layer == l || k.drop_layer == -1) return 1;
    if (k.wrong_layer == l) return variants(l, j)[k.variant].value;
    return derivative(l, j);
  }

  ex output_delta(int j, const Knobs& k) {
    const Activation f = net_.activation(L_);
    const ex A = a(L_, j), Y = y(j);
    if (f == Activation::softmax) {
      if (k.output == 3) return (A - Y) * A * (1 - A);
      if (k.output == 2) return net_.loss == Loss::crossentropy ? -Y / A : A - Y;
      if (k.output == 1) return net_.loss == Loss::crossentropy ? (A - Y) * A * (1 - A) : A - Y;
      return d_.rhs({{QuantityKind::delta, L_, j, 0}, false});
    }
    if (net_.loss == Loss::squared) {
      if (k.output == 1) return A - Y;
      return (A - Y) * fprime(L_, j, k);
    }
    const ex slope = derivative(L_, j);
    if (k.output == 1) return (A - Y) * slope;
    if (k.output == 2) return (A - Y) / slope;
    return A - Y;
  }

  // dL/dz{l}_j in local form, with the knobs applied; nothing when a mutated weight does not
  // exist or a knob of the backward sums changes nothing on the paths of (l, j).
  std::optional<ex> delta(int l, int j, const Knobs& k) {
    std::map<std::pair<int, int>, ex> memo;
    bool valid = true;
    bool changed = !(k.transpose_layer || k.wrong_weight_layer || k.missing_layer);
    const ex result = delta_in(l, j, k, memo, valid, changed);
    if (!valid || !changed) return std::nullopt;
    return result;
  }

 private:
  ex delta_in(int l, int j, const Knobs& k, std::map<std::pair<int, int>, ex>& memo, bool& valid, bool& changed) {
    if (l == L_) return output_delta(j, k);
    const auto key = std::make_pair(l, j);
    if (const auto it = memo.find(key); it != memo.end()) return it->second;
    ex sum = 0;
    const int m = l + 1;
    for (int u = 1; u <= net_.units(m); ++u) {
      if (k.missing_layer == m && k.missing_unit == u) {
        changed = true;
        continue;
      }
      int row = u, column = j;
      if (k.transpose_layer == m) std::swap(row, column);
      if (k.wrong_weight_layer == m) column = j % net_.units(l) + 1;
      if (row != u || column != j) changed = true;
      if (row > net_.units(m) || column > net_.units(l)) valid = false;
      if (!valid) return 0;
      sum += delta_in(m, u, k, memo, valid, changed) * w(m, row, column);
    }
    const ex result = sum * fprime(l, j, k);
    memo.emplace(key, result);
    return result;
  }

  Derivation& d_;
  const Network& net_;
  SymbolTable& s_;
  int L_;
};

std::string layer_word(int l, const Network& net) { return l == net.depth() ? "the output layer" : "layer " + std::to_string(l); }

// Mistakes of the backward pass: a gradient (`input` is its dz/dp factor) or a delta (input 1).
void backward_mistakes(Mutator& m, int l, int j, const ex& input, const Quantity& p, bool is_delta, std::vector<Mistake>& out) {
  const Network& net = m.net();
  const int L = m.depth();
  const auto add = [&](const char* kind, const std::string& description, const Knobs& k, const ex& factor) {
    if (const auto d = m.delta(l, j, k)) out.push_back({kind, description, *d * factor});
  };
  // f'(z) of one unit in words: "sigmoid'(z2_1) = a2_1*(1 - a2_1)"; for a whole layer with
  // several units on the paths, in unit k.
  const auto unit_of = [&](int layer) { return layer == l ? j : 1; };
  const auto several = [&](int layer) { return layer != l && net.units(layer) > 1; };
  const auto in_unit = [&](int layer, const std::string& s) {
    if (!several(layer)) return s;
    std::string r = s;
    const std::string from = std::to_string(layer) + "_1", to = std::to_string(layer) + "_k";
    for (std::size_t pos = r.find(from); pos != std::string::npos; pos = r.find(from, pos + to.size())) r.replace(pos, from.size(), to);
    return r + " for each unit k of layer " + std::to_string(layer);
  };
  const auto derivative_text = [&](int layer) {
    const int u = unit_of(layer);
    return activation_name(net.activation(layer)) + "'(" + m.text(m.z(layer, u)) + ") = " + m.text(m.derivative(layer, u));
  };

  // Activation derivatives dropped, one layer at a time, then all of them.
  int droppable = 0;
  for (int layer = L; layer >= l; --layer) {
    if (!m.droppable(layer)) continue;
    ++droppable;
    Knobs k;
    k.drop_layer = layer;
    std::string d = "the derivative of the " + activation_name(net.activation(layer)) + " of " + layer_word(layer, net) +
                    " is missing: the chain rule needs the factor " + in_unit(layer, derivative_text(layer));
    if (layer == L && net.loss == Loss::squared)
      d += " (" + m.text(m.a(L, 1) - m.y(1)) + " alone would be the delta of the cross-entropy loss, not of the squared loss)";
    add(layer == L ? mk::kLossDeltaMixup : mk::kDroppedDerivative, d, k, input);
  }
  if (droppable >= 2) {
    Knobs k;
    k.drop_layer = -1;
    add(mk::kDroppedDerivative, "every activation derivative is missing: each layer on the path contributes its f'(z), e.g. " +
                                    derivative_text(l == L ? L : l),
        k, input);
  }
  // The output delta of the other loss, dL/da for dL/dz, the softmax Jacobian's diagonal only.
  const Activation out_f = net.activation(L);
  const std::string aL = m.text(m.a(L, 1)), yL = m.text(m.y(1));
  if (net.loss == Loss::crossentropy && (out_f == Activation::sigmoid || out_f == Activation::softmax)) {
    Knobs k;
    k.output = 1;
    add(mk::kLossDeltaMixup, "with the cross-entropy loss and a " + activation_name(out_f) + " output, the output delta is dL/dz = " +
                                 m.text(m.a(L, 1) - m.y(1)) + ": the " + activation_name(out_f) +
                                 "' cancels; the extra factor " + m.text(m.a(L, 1) * (1 - m.a(L, 1))) + " belongs to the squared loss",
        k, input);
    k.output = 2;
    add(mk::kActivationGradientForDelta, "dL/d" + aL + " is used where dL/dz belongs: the output delta is dL/dz = dL/da * da/dz = " +
                                             m.text(m.a(L, 1) - m.y(1)),
        k, input);
  }
  if (out_f == Activation::softmax && net.loss == Loss::squared) {
    Knobs k;
    k.output = 3;
    add(mk::kSoftmaxDiagonal, "only the diagonal of the softmax Jacobian is used: da_i/dz_j = a_i*(delta_ij - a_j) couples every output unit", k, input);
    k.output = 1;
    add(mk::kLossDeltaMixup, "the output delta is not " + m.text(m.a(L, 1) - m.y(1)) +
                                 " with the squared loss and a softmax output: sum over i of (a_i - y_i)*a_i*(delta_ij - a_j)",
        k, input);
  }
  // Wrong activation derivatives.
  for (int layer = L; layer >= l; --layer) {
    if (!m.droppable(layer)) continue;
    const std::vector<Variant> vs = m.variants(layer, unit_of(layer));
    for (std::size_t v = 0; v < vs.size(); ++v) {
      Knobs k;
      k.wrong_layer = layer;
      k.variant = static_cast<int>(v);
      std::string d = in_unit(layer, derivative_text(layer) + ", not " + vs[v].text);
      if (vs[v].value.has(m.z(layer, unit_of(layer))) && net.activation(layer) != Activation::relu)
        d += " (the derivative is written in the unit's activation a, not in z)";
      add(mk::kWrongDerivative, d, k, input);
    }
  }
  // The backward sums: transposed weights, the weight of another unit, a missing path.
  for (int layer = l + 1; layer <= L; ++layer) {
    Knobs k;
    k.transpose_layer = layer;
    add(mk::kTransposedWeight, "the weights of the backward sum through " + layer_word(layer, net) +
                                   " are transposed: delta" + std::to_string(layer - 1) + "_j sums delta" + std::to_string(layer) +
                                   "_k*w" + std::to_string(layer) + "_kj over k (w" + std::to_string(layer) + "_kj joins unit j of layer " +
                                   std::to_string(layer - 1) + " to unit k of layer " + std::to_string(layer) + ")",
        k, input);
    if (layer == l + 1 && net.units(l) >= 2) {
      Knobs kw;
      kw.wrong_weight_layer = layer;
      add(mk::kWrongWeight, "the backward sum for unit " + std::to_string(j) + " of layer " + std::to_string(l) + " uses the weights from unit " +
                                std::to_string(j) + " (w" + std::to_string(layer) + "_k" + std::to_string(j) + "), not those of another unit",
          kw, input);
    }
    if (net.units(layer) >= 2) {
      for (int u = 1; u <= net.units(layer); ++u) {
        Knobs km;
        km.missing_layer = layer;
        km.missing_unit = u;
        add(mk::kMissingPath, "a path is missing: the sum over " + layer_word(layer, net) + " needs the term through unit " + std::to_string(u) +
                                  " (the one with delta" + std::to_string(layer) + "_" + std::to_string(u) + ")",
            km, input);
      }
    }
  }
  if (is_delta) return;
  // The input factor dz/dp.
  const Knobs none;
  const std::string pname = quantity_name(p, net);
  if (p.kind == QuantityKind::weight) {
    const int k = p.k;
    const std::string dz = "dz" + std::to_string(l) + "_" + std::to_string(j) + "/d" + pname + " = " + m.text(input);
    add(mk::kMissingInputFactor, "the factor " + dz + " is missing", none, 1);
    if (l >= 2) add(mk::kZForA, m.text(m.z(l - 1, k)) + " is used where " + m.text(input) + " belongs: " + dz, none, m.z(l - 1, k));
    for (int other = 1; other <= net.units(l - 1); ++other)
      if (other != k)
        add(mk::kWrongUnit, "the input of the wrong unit: " + dz + " (" + pname + " comes from unit " + std::to_string(k) + "), not " +
                                m.text(m.a(l - 1, other)),
            none, m.a(l - 1, other));
    if (l >= 2 && k <= net.inputs)
      add(mk::kWrongUnit, "the input x" + std::to_string(k) + " is used where " + m.text(input) + " belongs: " + dz, none, m.a(0, k));
    add(mk::kWrongUnit, "the output " + m.text(m.a(l, j)) + " of the unit is used where its input belongs: " + dz, none, m.a(l, j));
  } else {
    for (int k = 1; k <= net.units(l - 1); ++k)
      add(mk::kBiasWithInput, "a bias has no input factor: dz" + std::to_string(l) + "_" + std::to_string(j) + "/d" + pname + " = 1, not " +
                                  m.text(m.a(l - 1, k)),
          none, m.a(l - 1, k));
  }
}

void forward_mistakes(Mutator& m, const Quantity& q, std::vector<Mistake>& out) {
  const Network& net = m.net();
  const int L = net.depth();
  if (q.kind == QuantityKind::preactivation) {
    const int l = q.layer, j = q.j, n = net.units(l - 1);
    const auto sum = [&](auto weight, auto input, bool bias) {
      ex s = bias ? m.b(l, j) : ex(0);
      for (int k = 1; k <= n; ++k) s += weight(k) * input(k);
      return s;
    };
    const auto true_w = [&](int k) { return m.w(l, j, k); };
    const auto true_a = [&](int k) { return m.a(l - 1, k); };
    const std::string zt = m.text(sum(true_w, true_a, true));
    out.push_back({mk::kMissingBias, "the bias " + m.text(m.b(l, j)) + " is missing: " + m.text(m.z(l, j)) + " = " + zt, sum(true_w, true_a, false)});
    if (l >= 2) {
      out.push_back({mk::kZForA, m.text(m.z(l, j)) + " sums the activations a" + std::to_string(l - 1) + "_k of the layer below, not their pre-activations z" +
                                     std::to_string(l - 1) + "_k: " + zt,
                     sum(true_w, [&](int k) { return m.z(l - 1, k); }, true)});
      if (n <= net.inputs)
        out.push_back({mk::kWrongUnit, m.text(m.z(l, j)) + " sums the activations of layer " + std::to_string(l - 1) + ", not the inputs x: " + zt,
                       sum(true_w, [&](int k) { return m.a(0, k); }, true)});
    }
    if (n <= net.units(l) && j <= n && n > 1)
      out.push_back({mk::kTransposedWeight, "the weight indices are transposed: w" + std::to_string(l) + "_jk joins unit k of layer " +
                                                std::to_string(l - 1) + " to unit j of layer " + std::to_string(l) + ", so " + m.text(m.z(l, j)) + " = " + zt,
                     sum([&](int k) { return m.w(l, k, j); }, true_a, true)});
    if (n >= 2)
      for (int k = 1; k <= n; ++k) {
        ex s = sum(true_w, true_a, true) - m.w(l, j, k) * m.a(l - 1, k);
        out.push_back({mk::kMissingTerm, "the term " + m.text(m.w(l, j, k) * m.a(l - 1, k)) + " is missing: " + m.text(m.z(l, j)) + " = " + zt, s});
      }
    for (int other = 1; other <= net.units(l); ++other)
      if (other != j)
        out.push_back({mk::kWrongUnit, "the bias of another unit: " + m.text(m.z(l, j)) + " = " + zt,
                       sum(true_w, true_a, false) + m.b(l, other)});
    return;
  }
  if (q.kind == QuantityKind::activation || q.kind == QuantityKind::output) {
    const int l = q.kind == QuantityKind::output ? L : q.layer, j = q.j;
    const Activation f = net.activation(l);
    const ex Z = m.z(l, j);
    const std::string right = m.text(m.a(l, j)) + " = " + activation_name(f) + "(" + m.text(Z) + ")";
    if (f == Activation::softmax) {
      out.push_back({mk::kMissingActivation, "the softmax divides by the sum over the layer: " + m.text(m.a(l, j)) + " = exp(" + m.text(Z) +
                                                 ")/(sum over i of exp(z" + std::to_string(l) + "_i))",
                     exp(Z)});
      out.push_back({mk::kWrongActivation, "layer " + std::to_string(l) + " uses softmax, not sigmoid", apply_activation(Activation::sigmoid, Z)});
      return;
    }
    if (f != Activation::linear)
      out.push_back({mk::kMissingActivation, "the activation is missing: " + right, Z});
    for (Activation g : {Activation::sigmoid, Activation::tanh, Activation::relu})
      if (g != f)
        out.push_back({mk::kWrongActivation, "layer " + std::to_string(l) + " uses " + activation_name(f) + ", not " + activation_name(g) + ": " + right,
                       apply_activation(g, Z)});
    for (int other = 1; other <= net.units(l); ++other)
      if (other != j && f != Activation::linear)
        out.push_back({mk::kWrongUnit, "the pre-activation of another unit: " + right, apply_activation(f, m.z(l, other))});
    return;
  }
  if (q.kind == QuantityKind::loss) {
    ex other = 0;
    for (int j = 1; j <= net.outputs(); ++j) {
      const ex A = m.a(L, j), Y = m.y(j);
      if (net.loss == Loss::crossentropy) other += pow(A - Y, 2) / 2;
      else other -= Y * log(A) + (1 - Y) * log(1 - A);
    }
    out.push_back({mk::kWrongLoss, "this is the " + std::string(net.loss == Loss::squared ? "cross-entropy" : "squared") + " loss, not the " +
                                       loss_name(net.loss) + " loss",
                   other});
  }
}

}  // namespace

std::vector<Mistake> plausible_mistakes(const EquationKey& key, Derivation& d) {
  Mutator m(d);
  const Network& net = d.network();
  const Quantity& q = key.quantity;
  std::vector<Mistake> out;
  if (key.gradient) {
    const ex input = q.kind == QuantityKind::weight ? m.a(q.layer - 1, q.k) : ex(1);
    backward_mistakes(m, q.layer, q.j, input, q, false, out);
  } else if (q.kind == QuantityKind::delta) {
    backward_mistakes(m, q.layer, q.j, 1, q, true, out);
  } else {
    forward_mistakes(m, q, out);
  }
  // The answer of another part of the same kind (a transposed weight index among them).
  const auto other_part = [&](const EquationKey& other) {
    if (other.gradient == key.gradient && other.quantity == key.quantity) return;
    const std::string name = other.text(net, NameStyle::short_form);
    if (key.gradient && q.kind == QuantityKind::weight && other.quantity.kind == QuantityKind::weight && other.quantity.layer == q.layer &&
        other.quantity.j == q.k && other.quantity.k == q.j)
      out.push_back({mk::kTransposedWeight, "this is " + name + ": " + quantity_name(q, net) + " joins unit " + std::to_string(q.k) + " of layer " +
                                                std::to_string(q.layer - 1) + " to unit " + std::to_string(q.j) + " of layer " + std::to_string(q.layer) +
                                                " (in w{l}_jk, j is the unit of layer l and k the unit of layer l-1)",
                     d.rhs(other)});
    else
      out.push_back({mk::kWrongPart, "this is the answer for " + name + ", not for " + key.text(net, NameStyle::short_form), d.rhs(other)});
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
