# ---- attainment dashboard: value in the target year as % of the target ----
# .dat columns: 1 position, 2 indicator, 3 scenario, 4 percent of target,
# 5 status code (index into status_name / status_colour, from 0), 6 status.

# Indicator names, split over two lines (the second may be empty).
array indicator_name[@N_INDICATORS@] = [@INDICATOR_NAMES@]
array indicator_name2[@N_INDICATORS@] = [@INDICATOR_NAMES2@]
array indicator_pos[@N_INDICATORS@] = [@INDICATOR_POS@]
array scenario_name[@N_SCENARIOS@] = [@SCENARIO_NAMES@]
array status_name[@N_STATUSES@] = [@STATUS_NAMES@]
n_scenarios = @N_SCENARIOS@
n_indicators = @N_INDICATORS@
max_percent = @MAX_PERCENT@
note = @NOTE@

# In ts_verdict order: the colour and symbol of each status, from the
# palette report.html and report.xlsx use too (colour-blind safe).
array status_colour[@N_STATUSES@] = [@STATUS_COLOURS@]
array status_symbol[@N_STATUSES@] = [@STATUS_SYMBOLS@]
# The statuses the bars use, as 1-based indices into the arrays above.
legend_statuses = '@LEGEND_STATUSES@'
bar_colour(code) = status_colour[int(code) + 1]
# A bar's label names its scenario by the part of the name before a colon
# ("Trend: 13th-plan pace" -> "Trend"), at most 24 characters, so it stays
# inside the image at A4 size; the tables give the full names.
colon(s) = strstrt(s, ':') > 1 ? strstrt(s, ':') : (strstrt(s, '：') > 1 ? strstrt(s, '：') : 0)
head_of(s) = colon(s) > 0 ? s[1:colon(s) - 1] : s
short_name(s) = strlen(head_of(s)) > 24 ? head_of(s)[1:23] . '…' : head_of(s)
tic_label(i) = indicator_name2[i] eq '' ? indicator_name[i] : indicator_name[i] . "\n" . indicator_name2[i]

# Taller with more rows, so the names and bar labels do not overlap.
chart_height = chart_rows(n_indicators * (n_scenarios + 1))
set terminal pngcairo size 1120,chart_height noenhanced font font_spec linewidth 2
set output png_file
# The title centred on the image, not (as set title would) over the plot
# area, which the long names on the left push right and off the edge.
title_text = @TITLE@ . "\n" . @SUBTITLE@
title_lines = 1
do for [k = 1:strlen(title_text)] { if (title_text[k:k] eq "\n") { title_lines = title_lines + 1 } }
set label 99 title_text at screen 0.5, screen 1 center offset 0, -1.3 font ',22' front noenhanced
set tmargin title_lines * 1.3 + 1.5
set xlabel @XLABEL@ . '  (' . note . ')'
set xrange [0 : max_percent * 1.6]
# Tics 20 % apart, 50 % on a wider axis: on A4 the labels must not touch.
set xtics 0, (max_percent > 120 ? 50 : 20) format '%.0f%%'
if (max_percent > 300) set xtics autofreq
set grid noytics xtics
set yrange [n_indicators * (n_scenarios + 1) + 0.5 : 0.5]
set ytics scale 0 ()
do for [i = 1:n_indicators] { set ytics add (tic_label(i) indicator_pos[i]) }
set ytics noenhanced
set arrow 1 from 100, graph 0 to 100, graph 1 nohead lw 2 dt 2 lc rgb '#333333' back
set label 1 '100%' at 100, graph 1 center offset 0, 0.7 tc rgb '#333333'
# The legend under the plot: beside it, it would take the bars' width.
set key outside below center horizontal Left reverse samplen 1.5 spacing 1.3 noenhanced
set style fill solid 0.9 border lc rgb '#ffffff'
# Bar labels on a white box so the 100 % line does not run through them.
set style textbox opaque noborder margins 1, 1
half = 0.4

# One horizontal bar per indicator and scenario, labelled with the
# percentage and the scenario at its end.
plot \
    data_file using (0):1:(0):4:($1 - half):($1 + half):(bar_colour($5)) \
        with boxxyerror lc rgb variable notitle, \
    data_file using 4:1:(sprintf('%s %.0f%%  %s', status_symbol[int($5) + 1], $4, short_name(scenario_name[int($3)]))) \
        with labels boxed left offset 0.6, 0 font ',18' notitle, \
    for [w in legend_statuses] keyentry with boxes fs solid lc rgb status_colour[int(w)] \
        title status_symbol[int(w)] . ' ' . status_name[int(w)]
