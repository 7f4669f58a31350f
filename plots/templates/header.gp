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

# 1600x1000 at 18 pt reads well when the PNG is printed at A4 width.
set terminal pngcairo size 1600,1000 noenhanced font font_spec linewidth 2
set output png_file

set border 3 lw 1 lc rgb '#555555'
set tics nomirror textcolor rgb '#333333'
set grid ytics lc rgb '#dddddd' lw 1 dt 1
set key noenhanced
set title noenhanced
