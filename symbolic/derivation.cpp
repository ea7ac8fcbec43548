// Deriving a network's equations with GiNaC: the forward pass, the loss, the delta rules and the
// gradients.
#include "symbolic/derivation.h"

#include "core/error.h"
#include "symbolic/expression_size.h"
#include "symbolic/functions.h"
#include "symbolic/substitute.h"

namespace deltacheck {

using namespace GiNaC;

namespace {

Quantity unit(QuantityKind kind, int l, int j) { return Quantity{kind, l, j, 0}; }

// True when GiNaC can show a == b, assuming `assumption` (a substitution) holds.
bool provably_equal(const ex& a, const ex& b, const exmap& assumption = {}) {
  return normal((a - b).subs(assumption)).is_zero();
}

}  // namespace

Form parse_form(const std::string& text) {
  if (text == "local") return Form::local;
  if (text == "delta") return Form::delta;
  if (text == "expanded") return Form::expanded;
  throw UserError("unknown form '" + text + "': use local, delta or expanded");
}

std::string EquationKey::text(const Network& net, NameStyle style) const {
  return (gradient ? "dL/d" : "") + quantity_name(quantity, net, style);
}

std::string EquationKey::latex(const Network& net) const {
  const std::string q = quantity_latex(quantity, net);
  return gradient ? "\\frac{\\partial L}{\\partial " + q + "}" : q;
}

ex apply_activation(Activation a, const ex& z) {
  switch (a) {
    case Activation::relu:
      return relu(z);
    case Activation::sigmoid:
      return sigmoid(z);
    case Activation::tanh:
      return tanh(z);
    case Activation::linear:
      return z;
    case Activation::softmax:
      break;
  }
  throw std::logic_error("apply_activation: softmax couples units");
}

ex activation_derivative(Activation a, const ex& a_symbol, const ex& z_symbol) {
  const symbol& z = ex_to<symbol>(z_symbol);
  const ex f = apply_activation(a, z);
  // f'(z) from GiNaC, then f(z) written as the unit's own activation a: sigma' = a(1-a), tanh' =
  // 1-a^2.
  return f.diff(z).subs(f == a_symbol);
}

namespace {

// The symbols of one network by role: a{l}_j (x_j for l = 0), z{l}_j, delta{l}_j and y_j.
// The table creates a symbol on first use, and GiNaC orders terms by creation: the steps
// below ask for them in one fixed order.
struct UnitSymbols {
  SymbolTable& s;
  ex a(int l, int j) const {
    return l == 0 ? ex(s({QuantityKind::input, 0, j, 0}))
                  : ex(s(unit(QuantityKind::activation, l, j)));
  }
  ex z(int l, int j) const { return s(unit(QuantityKind::preactivation, l, j)); }
  ex delta(int l, int j) const { return s(unit(QuantityKind::delta, l, j)); }
  ex y(int j) const { return s({QuantityKind::target, 0, j, 0}); }
};

// The right-hand sides of the forward pass: z[l][j-1] and a[l][j-1] (index 0 unused), and
// the equations in the order forward() lists them.
struct ForwardPass {
  std::vector<std::vector<ex>> z, a;
  std::vector<Equation> equations;
};

// z = sum_k w_jk a_k + b_j, a = f(z); every z of a layer before its a (a softmax unit's a
// uses the z of every unit of its layer).
ForwardPass forward_pass(const Network& net, const UnitSymbols& u) {
  const int L = net.depth();
  ForwardPass pass{std::vector<std::vector<ex>>(L + 1), std::vector<std::vector<ex>>(L + 1), {}};
  for (int l = 1; l <= L; ++l) {
    const Activation f = net.activation(l);
    ex softmax_sum = 0;
    if (f == Activation::softmax)
      for (int i = 1; i <= net.units(l); ++i) softmax_sum += exp(u.z(l, i));
    for (int j = 1; j <= net.units(l); ++j) {
      ex sum = u.s(unit(QuantityKind::bias, l, j));
      for (int k = 1; k <= net.units(l - 1); ++k)
        sum += u.s({QuantityKind::weight, l, j, k}) * u.a(l - 1, k);
      pass.z[l].push_back(sum);
      pass.equations.push_back({{unit(QuantityKind::preactivation, l, j), false}, sum});
    }
    for (int j = 1; j <= net.units(l); ++j) {
      const ex act =
          f == Activation::softmax ? exp(u.z(l, j)) / softmax_sum : apply_activation(f, u.z(l, j));
      pass.a[l].push_back(act);
      pass.equations.push_back({{unit(QuantityKind::activation, l, j), false}, act});
    }
  }
  return pass;
}

// The loss of one sample in the output activations: squared (a - y)^2/2, cross-entropy
// -y log a - (1-y) log(1-a) per sigmoid output, -sum y log a for a softmax.
ex loss_per_sample(const Network& net, const UnitSymbols& u) {
  const int L = net.depth();
  const bool softmax_out = net.activation(L) == Activation::softmax;
  ex loss = 0;
  for (int j = 1; j <= net.outputs(); ++j) {
    if (net.loss == Loss::squared)
      loss += pow(u.a(L, j) - u.y(j), 2) / 2;
    else if (softmax_out)
      loss -= u.y(j) * log(u.a(L, j));
    else
      loss -= u.y(j) * log(u.a(L, j)) + (1 - u.y(j)) * log(1 - u.a(L, j));
  }
  return loss;
}

// d a{L}_i / d z{L}_j in local form. For softmax, with e_m standing for exp(z_m) (so that
// de_m/dz_j = [m = j] e_m), GiNaC differentiates e_i / sum e and the result is shown equal
// to a_i (delta_ij - a_j) after writing e_m = a_m S.
ex output_jacobian(const Network& net, const UnitSymbols& u, int i, int j) {
  const int L = net.depth();
  if (net.activation(L) != Activation::softmax)
    return i == j ? activation_derivative(net.activation(L), u.a(L, j), u.z(L, j)) : ex(0);
  std::vector<symbol> e;
  ex sum = 0;
  for (int m = 1; m <= net.outputs(); ++m) {
    e.emplace_back("e" + std::to_string(m));
    sum += e.back();
  }
  const symbol total("S");
  exmap as_activations;
  for (int m = 1; m <= net.outputs(); ++m) as_activations[e[m - 1]] = u.a(L, m) * total;
  const ex derived = ((e[i - 1] / sum).diff(e[j - 1]) * e[j - 1]).subs(as_activations);
  const ex local = u.a(L, i) * ((i == j ? 1 : 0) - u.a(L, j));
  exmap activations_sum_to_one;  // sum_m a_m = 1 for a softmax
  ex rest = 1;
  for (int m = 1; m < net.outputs(); ++m) rest -= u.a(L, m);
  activations_sum_to_one[u.a(L, net.outputs())] = rest;
  if (!provably_equal(derived, local, activations_sum_to_one))
    throw std::logic_error("softmax jacobian: GiNaC did not confirm a_i(delta_ij - a_j)");
  return local;
}

// Output deltas: delta_j = sum_i dL/da_i da_i/dz_j. With cross-entropy GiNaC confirms the
// collapse to a_j - y_j (for softmax, given that the targets sum to 1).
std::vector<Equation> output_deltas(const Network& net, const UnitSymbols& u, const ex& loss) {
  const int L = net.depth();
  exmap targets_sum_to_one;
  if (net.activation(L) == Activation::softmax) {
    ex rest = 1;
    for (int j = 1; j < net.outputs(); ++j) rest -= u.y(j);
    targets_sum_to_one[u.y(net.outputs())] = rest;
  }
  std::vector<Equation> deltas;
  for (int j = 1; j <= net.outputs(); ++j) {
    ex raw = 0;
    for (int i = 1; i <= net.outputs(); ++i)
      raw += loss.diff(ex_to<symbol>(u.a(L, i))) * output_jacobian(net, u, i, j);
    ex rhs = raw;
    if (net.loss == Loss::crossentropy) {
      const ex collapsed = u.a(L, j) - u.y(j);
      if (!provably_equal(raw, collapsed, targets_sum_to_one))
        throw std::logic_error("cross-entropy delta did not collapse to a - y");
      rhs = collapsed;
    }
    deltas.push_back({{unit(QuantityKind::delta, L, j), false}, rhs});
  }
  return deltas;
}

// Hidden deltas: delta{l}_j = (sum_k delta{l+1}_k dz{l+1}_k/da{l}_j) f_l'(z{l}_j), layer L-1 down
// to 1.
std::vector<Equation> hidden_deltas(const Network& net, const UnitSymbols& u,
                                    const std::vector<std::vector<ex>>& z_rhs) {
  std::vector<Equation> deltas;
  for (int l = net.depth() - 1; l >= 1; --l) {
    for (int j = 1; j <= net.units(l); ++j) {
      ex back = 0;
      for (int k = 1; k <= net.units(l + 1); ++k)
        back += u.delta(l + 1, k) * z_rhs[l + 1][k - 1].diff(ex_to<symbol>(u.a(l, j)));
      deltas.push_back({{unit(QuantityKind::delta, l, j), false},
                        back * activation_derivative(net.activation(l), u.a(l, j), u.z(l, j))});
    }
  }
  return deltas;
}

// Every weight and bias, layer L first (the order of the backward pass), each layer's weights
// before its biases.
std::vector<Quantity> backward_order(const Network& net) {
  std::vector<Quantity> order;
  for (int l = net.depth(); l >= 1; --l) {
    for (int j = 1; j <= net.units(l); ++j) {
      for (int k = 1; k <= net.units(l - 1); ++k) order.push_back({QuantityKind::weight, l, j, k});
    }
    for (int j = 1; j <= net.units(l); ++j) order.push_back(unit(QuantityKind::bias, l, j));
  }
  return order;
}

}  // namespace

Derivation::Derivation(const Network& net) : net_(net), symbols_(net) {
  ensure_functions_registered();
  const UnitSymbols u{symbols_};
  const int L = net.depth();
  ForwardPass pass = forward_pass(net, u);
  forward_ = std::move(pass.equations);
  for (int j = 1; j <= net.outputs(); ++j)
    outputs_.push_back({{{QuantityKind::output, 0, j, 0}, false}, u.a(L, j)});
  const ex loss = loss_per_sample(net, u);
  loss_ = {{{QuantityKind::loss, 0, 0, 0}, false}, loss};
  deltas_ = output_deltas(net, u, loss);
  for (Equation& e : hidden_deltas(net, u, pass.z)) deltas_.push_back(std::move(e));

  // Gradients in delta form: dL/dp = delta{l}_j dz{l}_j/dp.
  gradient_order_ = backward_order(net);
  for (const Quantity& p : gradient_order_) {
    const ex dz = pass.z[p.layer][p.j - 1].diff(symbols_(p));
    delta_form_.push_back(u.delta(p.layer, p.j) * dz);
  }

  // Local form of each delta: substitute the deltas of later layers, layer L first.
  for (const Equation& d : deltas_)
    delta_to_local_[symbols_(d.key.quantity)] = substitute(d.rhs, delta_to_local_);

  for (int l = 1; l <= L; ++l)
    for (int j = 1; j <= net.units(l); ++j) activation_to_z_[u.a(l, j)] = pass.a[l][j - 1];

  // Forward quantities as expressions of inputs and parameters, for the expanded form.
  for (int l = 1; l <= L; ++l) {
    for (int j = 1; j <= net.units(l); ++j)
      forward_to_inputs_[u.z(l, j)] = substitute(pass.z[l][j - 1], forward_to_inputs_);
    for (int j = 1; j <= net.units(l); ++j)
      forward_to_inputs_[u.a(l, j)] = substitute(pass.a[l][j - 1], forward_to_inputs_);
  }
}

ex Derivation::gradient_in(Form form, std::size_t index) const {
  const ex in_deltas = delta_form_[index];
  if (form == Form::delta) return in_deltas;
  const ex local = substitute(in_deltas, delta_to_local_);
  if (form == Form::local) return local;
  return substitute(local, forward_to_inputs_);
}

ex Derivation::rhs(const EquationKey& key) const {
  if (key.gradient) {
    for (std::size_t i = 0; i < gradient_order_.size(); ++i)
      if (gradient_order_[i] == key.quantity) return delta_form_[i];
    throw std::out_of_range("no gradient for " + key.text(net_, NameStyle::short_form));
  }
  if (key.quantity.kind == QuantityKind::loss) return loss_.rhs;
  for (const auto* list : {&forward_, &outputs_, &deltas_})
    for (const Equation& e : *list)
      if (e.key.quantity == key.quantity) return e.rhs;
  throw std::out_of_range("no equation for " + key.text(net_, NameStyle::short_form));
}

ex Derivation::without_deltas(const ex& e) const { return substitute(e, delta_to_local_); }

ex Derivation::in_inputs(const ex& e) const { return substitute(e, forward_to_inputs_); }

ex Derivation::activations_in_z(const ex& e) const { return substitute(e, activation_to_z_); }

std::size_t Derivation::largest_gradient(Form form, std::size_t limit) const {
  std::size_t largest = 0;
  for (std::size_t i = 0; i < delta_form_.size() && largest < limit; ++i)
    largest = std::max(largest, tree_size(gradient_in(form, i), limit));
  return largest;
}

std::vector<Equation> Derivation::gradients(Form form, std::size_t max_size) const {
  std::vector<Equation> out;
  out.reserve(delta_form_.size());
  for (std::size_t i = 0; i < delta_form_.size(); ++i) {
    ex rhs = gradient_in(form, i);
    const EquationKey key{gradient_order_[i], true};
    if (form != Form::delta) {
      const std::size_t size = tree_size(rhs, max_size + 1);
      if (size > max_size)
        throw UserError("the " + std::string(form == Form::local ? "local" : "expanded") +
                        " form of " + key.text(net_, NameStyle::short_form) + " has more than " +
                        std::to_string(max_size) + " terms for network \"" + net_.spec() +
                        "\": use --form delta, which stays linear in the size of the network");
      // Pull the factors shared by every path out of the sum (e.g. the output delta). GiNaC's
      // collect_common_factors walks the tree, not the DAG: only for gradients of a readable size.
      if (size <= kFactorableSize) rhs = collect_common_factors(rhs);
    }
    out.push_back({key, rhs});
  }
  return out;
}

}  // namespace deltacheck
