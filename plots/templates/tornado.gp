# ---- tornado: the target-year value with each driver moved one sd ----
# .dat columns: 1 rank (1 = widest swing, drawn at the top), 2 value with
# the driver one sd lower, 3 one sd higher, 4 central value, 5 shift,
# 6 1 when the shift is the scenario's sd.

n_bars = @N_BARS@
array driver_name[n_bars] = [@DRIVER_NAMES@]
array driver_name2[n_bars] = [@DRIVER_NAMES2@]
array low[n_bars] = [@LOWS@]
array high[n_bars] = [@HIGHS@]
array low_text[n_bars] = [@LOW_TEXT@]
array high_text[n_bars] = [@HIGH_TEXT@]
central = @CENTRAL@
target = @TARGET@
x_lo = @X_LO@
x_hi = @X_HI@
l_low = @L_LOW@
l_high = @L_HIGH@
tic_label(i) = driver_name2[i] eq '' ? driver_name[i] : driver_name[i] . "\n" . driver_name2[i]

set title @TITLE@ . "\n" . @SUBTITLE@ . "\n" . @SCENARIO@ font ',22'
set xlabel @XLABEL@ noenhanced
span = (x_hi > x_lo) ? x_hi - x_lo : (abs(x_hi) > 0 ? abs(x_hi) * 0.1 : 1)
# Room either side for the value labels.
set xrange [x_lo - 0.22 * span : x_hi + 0.22 * span]
set xtics format '%.10g'
set grid noytics xtics
set yrange [n_bars + 0.8 : -0.2]
set ytics scale 0 ()
do for [i = 1:n_bars] { set ytics add (tic_label(i) i) }
set ytics noenhanced
set key outside below center horizontal Left reverse samplen 1.5 spacing 1.2 noenhanced
set style fill solid 0.85 noborder

set arrow 1 from central, graph 0 to central, graph 1 nohead lw 2 lc rgb '#333333' back
set style textbox opaque noborder margins 1, 1
set label 1 @CENTRAL_TITLE@ at central, 0 center boxed tc rgb '#333333' front noenhanced
set arrow 2 from target, graph 0 to target, graph 1 nohead lw 2 dt 2 lc rgb '#B00000' back
set label 2 @TARGET_TITLE@ at target, n_bars + 0.55 center boxed tc rgb '#B00000' front noenhanced
# Each bar's end value beside it, on the side away from the central line.
do for [i = 1:n_bars] {
    if (low[i] == low[i]) {
        if (low[i] < central) { set label 10 + 2 * i low_text[i] at low[i], i right offset -0.5, 0 font ',18' noenhanced }
        else { set label 10 + 2 * i low_text[i] at low[i], i left offset 0.5, 0 font ',18' noenhanced }
    }
    if (high[i] == high[i]) {
        if (high[i] < central) { set label 11 + 2 * i high_text[i] at high[i], i right offset -0.5, 0 font ',18' noenhanced }
        else { set label 11 + 2 * i high_text[i] at high[i], i left offset 0.5, 0 font ',18' noenhanced }
    }
}

half = 0.35
minimum(a, b) = a < b ? a : b
maximum(a, b) = a > b ? a : b
# -1 sd in blue, +1 sd in orange (the Okabe-Ito pair used elsewhere).
plot \
    data_file using 4:1:(minimum($2, $4)):(maximum($2, $4)):($1 - half):($1 + half) \
        with boxxyerror lc rgb '#0072B2' title l_low, \
    data_file using 4:1:(minimum($3, $4)):(maximum($3, $4)):($1 - half):($1 + half) \
        with boxxyerror lc rgb '#E69F00' title l_high
