# ---- backtest: projections from the base year against the observations ----
# .dat columns: 1 year, 2 observed, 3.. one path per scenario, projected
# from the base year with every later observation ignored.

array scenario_title[@N_SCENARIOS@] = [@SCENARIO_TITLES@]
base_year = @BASE_YEAR@
last_year = @LAST_YEAR@
l_observed = @L_OBSERVED@

# The indicator chart's palette and dashes, so a scenario looks the same.
array palette[6] = [0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7, 0xE69F00, 0x56B4E9]
colour(i) = palette[(i - 1) % 6 + 1]
dashes(i) = (i - 1) % 5 + 1

set title @TITLE@ . "\n" . @SUBTITLE@ font ',22'
set xlabel @XLABEL@ . '  (' . @NOTE@ . ')'
set ylabel @YLABEL@ noenhanced
set xrange [base_year - 0.5 : last_year + 0.5]
set xtics 1
if (last_year - base_year > 14) set xtics 2
set ytics format '%.10g'
set offsets 0, 0, graph 0.08, graph 0.05
set key outside below center horizontal maxcols 2 Left reverse samplen 2.5 spacing 1.1 width 1 noenhanced

plot for [i = 1:|scenario_title|] data_file using 1:(column(2 + i)) with linespoints lw 3 dt dashes(i) pt 6 ps 1.2 lc rgb colour(i) title scenario_title[i], \
     data_file using 1:2 with points pt 7 ps 2.2 lc rgb '#000000' title l_observed
