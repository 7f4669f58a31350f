# ---- growth needed vs growth in each scenario, % per year ----
# .dat columns: 1 group position, 2 needed, 3 from year, 4 to year,
# 5.. one column per scenario.

# Indicator names, split over two lines (the second may be empty).
array indicator_name[@N_INDICATORS@] = [@INDICATOR_NAMES@]
array indicator_name2[@N_INDICATORS@] = [@INDICATOR_NAMES2@]
array scenario_name[@N_SCENARIOS@] = [@SCENARIO_NAMES@]
n_scenarios = @N_SCENARIOS@
n_indicators = @N_INDICATORS@
needed_title = @L_NEEDED@
note = @NOTE@
slot = n_scenarios + 2   # bars per group plus a gap

array palette[6] = [0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7, 0xE69F00, 0x56B4E9]
colour(i) = palette[(i - 1) % 6 + 1]
tic_label(i) = indicator_name2[i] eq '' ? indicator_name[i] : indicator_name[i] . "\n" . indicator_name2[i]

# Taller with more rows, so the names and bar labels do not overlap.
chart_height = chart_rows(n_indicators * slot)
set terminal pngcairo size 1120,chart_height noenhanced font font_spec linewidth 2
set output png_file
# The title centred on the image, not (as set title would) over the plot
# area, which the long names on the left push right and off the edge.
title_text = @TITLE@ . "\n" . @SUBTITLE@
title_lines = 1
do for [k = 1:strlen(title_text)] { if (title_text[k:k] eq "\n") { title_lines = title_lines + 1 } }
set label 99 title_text at screen 0.5, screen 1 center offset 0, -1.3 font ',22' front noenhanced
set tmargin title_lines * 1.3 + 1.5
set xlabel @XLABEL@ . "\n" . note
set xtics format '%.0f%%'
set grid noytics xtics
set yzeroaxis lt 1 lw 1.5 lc rgb '#333333'
set offsets graph 0.10, graph 0.22, 0, 0
set yrange [n_indicators * slot + 0.5 : 0.5]
set ytics scale 0 ()
do for [i = 1:n_indicators] { set ytics add (tic_label(i) (i - 1) * slot + (n_scenarios + 1) / 2.0 + 1) }
set ytics noenhanced
set key outside below center horizontal maxcols 2 Left reverse samplen 1.5 noenhanced
set style fill solid 0.9 border lc rgb '#ffffff'
half = 0.4
pct(v) = v == v ? sprintf('%.1f%%', v) : ''  # no label for an undefined rate (NaN)
# The years each group's rates run over, beside the needed rate.
span(from, to) = sprintf('%d-%d', from, to)
# Labels sit right of each bar, or right of the zero line for a negative
# bar, so they never cover one.
at(v) = v >= 0 ? v : 0

plot \
    data_file using (0):1:(0):2:($1 - half):($1 + half) with boxxyerror lc rgb '#444444' title needed_title, \
    for [i = 1:n_scenarios] data_file using (0):($1 + i):(0):(column(4 + i)):($1 + i - half):($1 + i + half) \
        with boxxyerror lc rgb colour(i) title scenario_name[i], \
    data_file using (at($2)):1:(pct($2) . '  (' . span($3, $4) . ')') with labels left offset 0.6, 0 font ',18' notitle, \
    for [i = 1:n_scenarios] data_file using (at(column(4 + i))):($1 + i):(pct(column(4 + i))) \
        with labels left offset 0.6, 0 font ',18' notitle
