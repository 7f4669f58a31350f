# ---- each scenario against the reference, in the target year ----
# .dat columns: 1 position, 2 target, 3 scenario (number in the header),
# 4 difference in % of the reference's value, 5 value, 6 reference value.

array indicator_name[@N_TARGETS@] = [@INDICATOR_NAMES@]
array indicator_name2[@N_TARGETS@] = [@INDICATOR_NAMES2@]
array indicator_pos[@N_TARGETS@] = [@INDICATOR_POS@]
array scenario_name[@N_SCENARIOS@] = [@SCENARIO_NAMES@]
n_targets = @N_TARGETS@
per_group = @PER_GROUP@
min_percent = @MIN_PERCENT@
max_percent = @MAX_PERCENT@

# The indicator chart's palette: a scenario has one colour in every chart.
array palette[6] = [0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7, 0xE69F00, 0x56B4E9]
colour(i) = palette[(int(i) - 1) % 6 + 1]
# A bar's label names its scenario by the part of the name before a colon
# ("Trend: 13th-plan pace" -> "Trend"), at most 24 characters, so it stays
# inside the image at A4 size; the tables give the full names.
colon(s) = strstrt(s, ':') > 1 ? strstrt(s, ':') : (strstrt(s, '：') > 1 ? strstrt(s, '：') : 0)
head_of(s) = colon(s) > 0 ? s[1:colon(s) - 1] : s
short_name(s) = strlen(head_of(s)) > 24 ? head_of(s)[1:23] . '…' : head_of(s)
tic_label(i) = indicator_name2[i] eq '' ? indicator_name[i] : indicator_name[i] . "\n" . indicator_name2[i]

# Taller with more rows, so the names and bar labels do not overlap.
chart_height = chart_rows(n_targets * (per_group + 1))
set terminal pngcairo size 1120,chart_height noenhanced font font_spec linewidth 2
set output png_file
# The title centred on the image, not (as set title would) over the plot
# area, which the long names on the left push right and off the edge.
title_text = @TITLE@ . "\n" . @SUBTITLE@
title_lines = 1
do for [k = 1:strlen(title_text)] { if (title_text[k:k] eq "\n") { title_lines = title_lines + 1 } }
set label 99 title_text at screen 0.5, screen 1 center offset 0, -1.3 font ',22' front noenhanced
set tmargin title_lines * 1.3 + 1.5
set xlabel @XLABEL@
span = max_percent - min_percent > 1 ? max_percent - min_percent : 1
# Room on the right for the labels, which start at the bar's end or at 0.
set xrange [min_percent - 0.08 * span : max_percent + 0.75 * span]
set xtics format '%.0f%%'
set grid noytics xtics
set yrange [n_targets * (per_group + 1) + 0.5 : 0.5]
set ytics scale 0 ()
do for [i = 1:n_targets] { set ytics add (tic_label(i) indicator_pos[i]) }
set ytics noenhanced
set arrow 1 from 0, graph 0 to 0, graph 1 nohead lw 2 lc rgb '#333333' back
set style fill solid 0.9 border lc rgb '#ffffff'
set style textbox opaque noborder margins 1, 1
half = 0.4
maximum(a, b) = a > b ? a : b

plot \
    data_file using (0):1:(($4 < 0) ? $4 : 0):(($4 < 0) ? 0 : $4):($1 - half):($1 + half):(colour($3)) \
        with boxxyerror lc rgb variable notitle, \
    data_file using (maximum($4, 0)):1:(sprintf('%+.1f%%  %s', $4, short_name(scenario_name[int($3)]))) \
        with labels boxed left offset 0.6, 0 font ',18' notitle
