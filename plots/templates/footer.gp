
# The same chart as SVG: replot re-reads the data with the new terminal.
set terminal svg size 1120,chart_height dynamic noenhanced font font_spec linewidth 2 background rgb 'white'
set output svg_file
replot
unset output
