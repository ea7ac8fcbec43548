// Training output: the epoch table and the gnuplot figures of loss, decision boundary and gradient
// norms.
#include "reports/training_writer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/child_process.h"
#include "core/text.h"
#include "reports/atomic_file.h"

namespace deltacheck {

namespace {

std::string number(double v) { return std::isnan(v) ? "" : digits_text(v, 10); }

std::string dat_number(double v) { return std::isnan(v) ? "NaN" : number(v); }

constexpr double kGnuplotSeconds = 60;

// Runs gnuplot on `script` in `dir` (by argv, within kGnuplotSeconds); what went wrong, or "".
std::string run_gnuplot(const std::string& dir, const std::string& script) {
  ChildOptions o;
  o.directory = dir;
  o.seconds = kGnuplotSeconds;
  o.capture = true;
  o.capture_bytes = 64 << 10;
  const ChildResult r = run_program({"gnuplot", script}, o);
  if (r.ok()) return "";
  if (r.end == ChildResult::End::not_started) return "could not run gnuplot: " + r.error;
  return "gnuplot failed on " + dir + "/" + script + ": " +
         (r.err.empty() ? "gnuplot " + r.describe() : r.err);
}

// A script drawing `plot` into NAME.png and NAME.pdf.
std::string script(const std::string& name, const std::string& settings, const std::string& plot) {
  return "# deltacheck train: " + name + " (edit and run `gnuplot " + name + ".gp` to restyle)\n" +
         settings + "set terminal pngcairo size 900,600 font 'sans,11'\nset output '" + name +
         ".png'\n" + plot + "set terminal pdfcairo size 6in,4in font 'sans,9'\nset output '" +
         name + ".pdf'\nreplot\nunset output\n";
}

// The decision boundary of a classifier with 2 inputs: its grid, the points and boundary.gp.
void write_boundary(const std::string& dir, const Network& net, const TrainResult& r,
                    const Dataset& train, const Dataset& validation) {
  // The plane the data covers, with a margin of a tenth.
  double extent = 0;
  for (const Dataset* d : {&train, &validation})
    for (const auto& x : d->x) extent = std::max({extent, std::fabs(x[0]), std::fabs(x[1])});
  extent = extent > 0 ? 1.1 * extent : 1;
  std::string grid = "# x1 x2 output\n";
  const int n = 120;
  for (int i = 0; i <= n; ++i) {
    for (int j = 0; j <= n; ++j) {
      const double x1 = -extent + 2 * extent * i / n, x2 = -extent + 2 * extent * j / n;
      grid +=
          number(x1) + " " + number(x2) + " " + number(predict(net, r.params, {x1, x2})[0]) + "\n";
    }
    grid += "\n";
  }
  write_file_atomically(dir + "/boundary_grid.dat", grid);
  std::string points = "# x1 x2 target set(0 training, 1 validation)\n";
  for (std::size_t i = 0; i < train.size(); ++i)
    points +=
        number(train.x[i][0]) + " " + number(train.x[i][1]) + " " + number(train.y[i][0]) + " 0\n";
  for (std::size_t i = 0; i < validation.size(); ++i)
    points += number(validation.x[i][0]) + " " + number(validation.x[i][1]) + " " +
              number(validation.y[i][0]) + " 1\n";
  write_file_atomically(dir + "/boundary_points.dat", points);
  write_file_atomically(
      dir + "/boundary.gp",
      script(
          "boundary",
          "set title 'decision boundary (output of unit 1)'\nset xlabel 'x1'\nset ylabel 'x2'\nset size ratio -1\n"
          "set xrange [" +
              number(-extent) + ":" + number(extent) + "]\nset yrange [" + number(-extent) + ":" +
              number(extent) +
              "]\nset cbrange [0:1]\nset palette defined (0 '#f59322', 0.5 '#e8eaeb', 1 '#0877bd')\n"
              "set key outside bottom center horizontal\n",
          "plot 'boundary_grid.dat' using 1:2:3 with image notitle, "
          "'boundary_points.dat' using 1:($3 >= 0.5 && $4 == 0 ? $2 : 1/0) with points pt 7 ps 0.7 lc rgb '#03324f' title 'class 1', "
          "'' using 1:($3 < 0.5 && $4 == 0 ? $2 : 1/0) with points pt 7 ps 0.7 lc rgb '#8a4a00' title 'class 0', "
          "'' using 1:($4 == 1 ? $2 : 1/0) with points pt 6 ps 0.9 lc rgb 'white' title 'validation'\n"));
}

}  // namespace

std::string epochs_csv(const Network& net, const TrainResult& r) {
  std::string out = "epoch,train_loss,validation_loss,train_accuracy,validation_accuracy";
  for (int l = 1; l <= net.depth(); ++l) out += ",gradient_norm_layer" + std::to_string(l);
  out += "\n";
  for (const EpochStats& e : r.epochs) {
    out += std::to_string(e.epoch) + "," + number(e.train_loss) + "," + number(e.validation_loss) +
           "," + number(e.train_accuracy) + "," + number(e.validation_accuracy);
    for (double g : e.gradient_norm) out += "," + number(g);
    out += "\n";
  }
  return out;
}

std::vector<std::string> write_training_plots(const std::string& dir, const Network& net,
                                              const TrainResult& r, const Dataset& train,
                                              const Dataset& validation) {
  make_directories(dir);
  std::vector<std::string> scripts;
  // Loss per epoch, with the early-stopping epoch marked.
  std::string loss = "# epoch train_loss validation_loss\n";
  for (const EpochStats& e : r.epochs)
    loss += std::to_string(e.epoch) + " " + dat_number(e.train_loss) + " " +
            dat_number(e.validation_loss) + "\n";
  write_file_atomically(dir + "/loss.dat", loss);
  std::string mark;
  if (r.stopped_early)
    mark = "set arrow from " + std::to_string(r.best_epoch) + ", graph 0 to " +
           std::to_string(r.best_epoch) +
           ", graph 1 nohead dashtype 2 lc rgb 'gray40'\nset label 'early stopping: epoch " +
           std::to_string(r.best_epoch) + "' at " + std::to_string(r.best_epoch) +
           ", graph 0.6 right offset -0.5,0\n";
  write_file_atomically(
      dir + "/loss.gp",
      script(
          "loss",
          "set title 'loss per epoch'\nset xlabel 'epoch'\nset ylabel 'mean loss'\nset key top right\n" +
              mark,
          "plot 'loss.dat' using 1:2 with lines lw 2 title 'training', '' using 1:3 with lines lw 2 title 'validation'\n"));
  scripts.push_back("loss.gp");
  // Gradient norm of each layer per epoch (vanishing gradients show as the lower layers' lines
  // falling).
  std::string grads = "# epoch gradient_norm_layer1 ...\n";
  for (const EpochStats& e : r.epochs) {
    grads += std::to_string(e.epoch);
    for (double g : e.gradient_norm) grads += " " + dat_number(g);
    grads += "\n";
  }
  write_file_atomically(dir + "/gradients.dat", grads);
  std::string plot = "plot ";
  for (int l = 1; l <= net.depth(); ++l)
    plot += std::string(l > 1 ? ", " : "") + "'gradients.dat' using 1:" + std::to_string(l + 1) +
            " with lines lw 2 title 'layer " + std::to_string(l) + "'";
  write_file_atomically(
      dir + "/gradients.gp",
      script(
          "gradients",
          "set title 'gradient norm per layer'\nset xlabel 'epoch'\nset ylabel '|dL/dw| (mean per step)'\nset logscale y\nset key top right\n",
          plot + "\n"));
  scripts.push_back("gradients.gp");
  if (is_classifier(net) && net.inputs == 2) {
    write_boundary(dir, net, r, train, validation);
    scripts.push_back("boundary.gp");
  }
  if (find_program("gnuplot").empty())
    return {
        "gnuplot is not installed, so only the data and scripts are in " + dir +
        ": install it (apt-get install gnuplot-nox) and run `gnuplot NAME.gp` there, or train again"};
  std::vector<std::string> messages;
  for (const std::string& s : scripts) {
    const std::string error = run_gnuplot(dir, s);
    if (!error.empty()) messages.push_back(error);
  }
  return messages;
}

}  // namespace deltacheck
