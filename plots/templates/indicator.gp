# ---- one indicator: history, observed values, scenario paths, target ----
# .dat columns: 1 year, 2 history, 3 observed, 4 interpolated,
# 5.. one path per scenario (in the order of scenario_title below).

array scenario_title[@N_SCENARIOS@] = [@SCENARIO_TITLES@]
# Year each scenario first meets the target (NaN: not within the horizon)
# and its value then.
array attain_year[@N_SCENARIOS@] = [@ATTAIN_YEARS@]
array attain_value[@N_SCENARIOS@] = [@ATTAIN_VALUES@]
has_target = @HAS_TARGET@
target = @TARGET@
target_year = @TARGET_YEAR@
as_of = @AS_OF@
first_year = @FIRST_YEAR@
horizon = @HORIZON@

# Colour-blind-safe palette (Okabe-Ito), one colour per scenario, cycling.
array palette[6] = [0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7, 0xE69F00, 0x56B4E9]
colour(i) = palette[(i - 1) % 6 + 1]
# Dashes too, so a path hidden under another (same assumptions) still shows.
dashes(i) = (i - 1) % 5 + 1

set title @TITLE@ . "\n" . @SUBTITLE@ font ',22'
set xlabel @XLABEL@
set ylabel @YLABEL@ noenhanced
set xrange [first_year - 0.5 : horizon + 0.5]
set xtics 1
# Plain numbers (5600000, not 5.6e+06); the unit is on the axis label.
set ytics format '%.10g'
if (horizon - first_year > 14) set xtics 2
if (horizon - first_year > 30) set xtics 5
# Room above for the target label; none below, where it could reach
# negative values for a count.
set offsets 0, 0, graph 0.10, 0
set key outside below center horizontal maxcols 2 Left reverse samplen 2.5 spacing 1.1 width 1 noenhanced

if (has_target) {
    set arrow 1 from target_year, graph 0 to target_year, graph 1 nohead dt 3 lw 1.5 lc rgb '#555555' back
    set label 1 @TARGET_YEAR_LABEL@ . ' ' . sprintf('%d', target_year) at target_year, graph 0.97 right offset -0.6, 0 tc rgb '#555555' noenhanced
    set label 2 @TARGET_TITLE@ at graph 0.01, first target offset 0, 0.8 tc rgb '#B00000' noenhanced
}
# Revised targets: a diamond at (year, value), labelled.
n_revisions = @N_REVISIONS@
array rev_year[@N_REV_SLOTS@] = [@REV_YEARS@]
array rev_value[@N_REV_SLOTS@] = [@REV_VALUES@]
array rev_title[@N_REV_SLOTS@] = [@REV_TITLES@]
do for [i = 1:n_revisions] {
    set label 20 + i rev_title[i] at rev_year[i], rev_value[i] right offset -1.2, 1.0 tc rgb '#B00000' point pt 13 ps 3 lc rgb '#B00000' front noenhanced
}
# A ring on each scenario's line where it first meets the target.
do for [i = 1:@N_SCENARIOS@] {
    if (attain_year[i] == attain_year[i]) {
        set object 10 + i circle at attain_year[i], attain_value[i] size char 0.7 fs empty border lc rgb colour(i) lw 2 front
    }
}

# The plot command is assembled from fixed pieces so that a series with no
# point (no history, nothing interpolated) is left out instead of drawing a
# warning. Only variable names go into the string, never their text, so
# eval never sees anything that came from an input file.
l_history = @L_HISTORY@
l_observed = @L_OBSERVED@
l_interpolated = @L_INTERPOLATED@
n_history = @N_HISTORY@
n_observed = @N_OBSERVED@
n_interpolated = @N_INTERPOLATED@
cmd = "plot (has_target ? target : NaN) with lines lw 2 dt 2 lc rgb '#B00000' notitle"
cmd = cmd . ", for [i = 1:|scenario_title|] data_file using 1:($1 >= as_of ? column(4 + i) : NaN) with lines lw 3 dt dashes(i) lc rgb colour(i) title scenario_title[i]"
if (n_history > 0) cmd = cmd . ", data_file using 1:2 with linespoints lw 2 pt 7 ps 1.0 lc rgb '#7f7f7f' title l_history"
if (n_observed > 0) cmd = cmd . ", data_file using 1:3 with points pt 7 ps 1.8 lc rgb '#000000' title l_observed"
if (n_interpolated > 0) cmd = cmd . ", data_file using 1:4 with points pt 6 ps 1.8 lw 2 lc rgb '#000000' title l_interpolated"
eval cmd
