# Chart written by targetsim @VERSION@ from the templates in plots/templates.
# Re-render it in the folder holding this file and its data:
#     gnuplot @GP@
# It reads @DAT@ and writes @PNG@ and @SVG@ next to it.
#
# Every text below that came from a plan or scenario file is a single-quoted
# string (no backquote or escape expansion; a ' in the text is spliced in
# as "'") and is printed noenhanced.

reset
set encoding utf8
set datafile separator tab
set datafile missing 'NaN'
set datafile commentschars '#'

data_file = @DAT@
# targetsim sets temporary names before it loads the script and renames the
# images into place once both are complete; run by hand, the script writes
# the final names.
if (!exists("png_file")) png_file = @PNG@
if (!exists("svg_file")) svg_file = @SVG@
font_spec = @FONT@

# 1120x700 with 18-unit text: laid out at A4's 180 mm text width (report.html)
# the smallest text prints at 18 / 1120 x 180 mm = 2.9 mm, 8.2 pt. No label
# in the templates is smaller than 18.
# A bar chart with many rows makes itself taller (chart_rows below).
chart_height = 700
set terminal pngcairo size 1120,700 noenhanced font font_spec linewidth 2
set output png_file

set border 3 lw 1 lc rgb '#555555'
set tics nomirror textcolor rgb '#333333'
set grid ytics lc rgb '#dddddd' lw 1 dt 1
set key noenhanced
set title noenhanced

# Bar charts call this with their number of bar rows: 32 units a row plus
# room for the title, axis and legend, never below the usual 700.
chart_rows(n) = (300 + 32 * n > 700) ? 300 + 32 * n : 700
