# ---- Monte Carlo fan of one target indicator ----
# .dat columns: 1 year, 2 observed, then five per scenario s (from 0):
# 3 + 5s p5, 4 + 5s p25, 5 + 5s p50, 6 + 5s p75, 7 + 5s p95.
# Bands only for the first scenario, medians for all (see chart_fan.c: the
# bands of several scenarios over each other cannot be told apart).

array scenario_title[@N_SCENARIOS@] = [@SCENARIO_TITLES@]
target = @TARGET@
target_year = @TARGET_YEAR@
base_year = @BASE_YEAR@
horizon = @HORIZON@
n_observed = @N_OBSERVED@
l_observed = @L_OBSERVED@
l_band90 = @BAND90@
l_band50 = @BAND50@

# The indicator chart's palette, so a scenario has one colour in every chart.
array palette[6] = [0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7, 0xE69F00, 0x56B4E9]
colour(i) = palette[(i - 1) % 6 + 1]
dashes(i) = (i - 1) % 5 + 1
col(s, j) = 3 + 5 * (s - 1) + j

set title @TITLE@ . "\n" . @SUBTITLE@ font ',22'
set xlabel @XLABEL@
set ylabel @YLABEL@ noenhanced
set xrange [base_year - 0.5 : horizon + 0.5]
set xtics 1
if (horizon - base_year > 14) set xtics 2
if (horizon - base_year > 30) set xtics 5
set ytics format '%.10g'
set offsets 0, 0, graph 0.10, 0
set key outside below center horizontal maxcols 2 Left reverse samplen 2.5 spacing 1.1 width 1 noenhanced

set arrow 1 from target_year, graph 0 to target_year, graph 1 nohead dt 3 lw 1.5 lc rgb '#555555' back
set label 1 @TARGET_YEAR_LABEL@ . ' ' . sprintf('%d', target_year) at target_year, graph 0.97 right offset -0.6, 0 tc rgb '#555555' noenhanced
set label 2 @TARGET_TITLE@ at graph 0.01, first target offset 0, 0.8 tc rgb '#B00000' noenhanced

# Only variable names go into cmd, never their text (see indicator.gp).
cmd = "plot data_file using 1:(column(col(1, 0))):(column(col(1, 4))) with filledcurves fs transparent solid 0.18 noborder lc rgb colour(1) title l_band90"
cmd = cmd . ", data_file using 1:(column(col(1, 1))):(column(col(1, 3))) with filledcurves fs transparent solid 0.35 noborder lc rgb colour(1) title l_band50"
cmd = cmd . ", target with lines lw 2 dt 2 lc rgb '#B00000' notitle"
cmd = cmd . ", for [i = 1:|scenario_title|] data_file using 1:(column(col(i, 2))) with lines lw 3 dt dashes(i) lc rgb colour(i) title scenario_title[i]"
if (n_observed > 0) cmd = cmd . ", data_file using 1:2 with points pt 7 ps 1.8 lc rgb '#000000' title l_observed"
eval cmd
