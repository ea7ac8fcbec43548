# deltacheck bench: time against the number of parameters (gnuplot scaling.gp)
set terminal pngcairo size 900,600 font 'sans,11'
set output 'scaling.png'
set logscale xy
set xlabel 'parameters'
set ylabel 'seconds'
set key top left
set title 'growth with width (4-w-w-1) and depth (4-8-...-8-1)'
plot 'scaling.dat' using (strcol(1) eq 'width' ? $3 : 1/0):4 with linespoints title 'derive, width', '' using (strcol(1) eq 'depth' ? $3 : 1/0):4 with linespoints title 'derive, depth', '' using (strcol(1) eq 'width' ? $3 : 1/0):6 with linespoints title 'gradient 50 digits, width', '' using (strcol(1) eq 'depth' ? $3 : 1/0):6 with linespoints title 'gradient 50 digits, depth', '' using (strcol(1) eq 'width' ? $3 : 1/0):7 with linespoints title 'train 20 epochs, width', '' using (strcol(1) eq 'depth' ? $3 : 1/0):7 with linespoints title 'train 20 epochs, depth'
