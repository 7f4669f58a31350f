# ---- a sweep of one or two drivers, for one target ----
# .dat columns with two axes: 1 x1, 2 x2, 3 percent of target,
# 4 probability in %, 5 value; with one axis the x2 column is missing.
# PROBABILITY says which of the two this chart shows.

n_axes = @N_AXES@
probability = @PROBABILITY@
labelled = @LABELLED@
min_percent = @MIN_PERCENT@
max_percent = @MAX_PERCENT@

set title @TITLE@ . "\n" . @SUBTITLE@ font ',22'
set xlabel @XLABEL@ noenhanced
set ylabel @YLABEL@ noenhanced
set xtics format '%.10g'
set ytics format '%.10g'
set key noautotitle

if (n_axes == 2) {
    zc = probability ? 4 : 3
    set cblabel @CBLABEL@ noenhanced offset 2, 0
    # Dark text on light cells, white on the dark ones.
    label_colour(z) = (probability ? z > 60 : abs(z - 100) > 0.7 * d) ? 0xFFFFFF : 0x222222
    d = 1
    set cbtics format '%.0f%%'
    if (probability) {
        # Probability: white (never) to blue (always).
        set cbrange [0 : 100]
        set palette defined (0 '#FFFFFF', 50 '#6BAED6', 100 '#08306B')
    } else {
        # Share of the target: vermillion below 100 %, white at it, bluish green
        # above (the status palette's colours, told apart with colour-blindness),
        # symmetric so 100 % is always the white middle.
        d = abs(max_percent - 100) > abs(min_percent - 100) ? abs(max_percent - 100) : abs(min_percent - 100)
        d = d > 1 ? d : 1
        set cbrange [100 - d : 100 + d]
        set palette defined (0 '#D55E00', 1 '#F7F7F7', 2 '#009E73')
    }
    set autoscale xfix
    set autoscale yfix
    set offsets 0, 0, 0, 0
    if (labelled) {
        plot data_file using 1:2:(column(zc)) with image, \
             data_file using 1:2:(sprintf('%.0f%%', column(zc))):(label_colour(column(zc))) with labels font ',18' tc rgb variable
    } else {
        plot data_file using 1:2:(column(zc)) with image
    }
} else {
    zc = probability ? 3 : 2
    set grid xtics ytics lc rgb '#dddddd'
    set ytics format '%.0f%%'
    set offsets graph 0.02, graph 0.02, 0, 0
    if (probability) { set yrange [0 : 100] }
    else {
        # Always show the 100 % line: the gap to the target is the point.
        lo = min_percent < 100 ? min_percent : 100
        hi = max_percent > 100 ? max_percent : 100
        pad = (hi - lo) * 0.08 > 1 ? (hi - lo) * 0.08 : 1
        set yrange [lo - pad : hi + pad]
        set arrow 1 from graph 0, first 100 to graph 1, first 100 nohead lw 2 dt 2 lc rgb '#B00000' back
    }
    plot data_file using 1:(column(zc)) with linespoints lw 3 pt 7 ps 1.2 lc rgb '#0072B2'
}
