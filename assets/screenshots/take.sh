#!/usr/bin/env bash
# Retakes the README screenshots: starts the debug build under Xvfb once per tab (the app
# opens the tab named by MILLWRIGHT_TAB), grabs the screen and writes a palette PNG.
#
# Needs `cargo build` first and, on Debian: apt-get install xvfb xauth imagemagick.
# The app runs with a scratch HOME so no saved preferences or autosave are read or written.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=target/debug/millwright
out=assets/screenshots
convert=/usr/bin/convert # /usr/local/bin/convert may be a stub
settle=${SETTLE_SECONDS:-10}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

tabs=("$@")
[ ${#tabs[@]} -gt 0 ] || tabs=(overview jcurve compare)
for name in "${tabs[@]}"; do
  raw="$scratch/$name.png"
  HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data" \
    MILLWRIGHT_TAB="$name" xvfb-run -a -s '-screen 0 1400x900x24' \
    sh -c "'$bin' & app=\$!; sleep $settle; import -window root '$raw'; kill \$app"
  # A 128-colour palette keeps each file near 150 KB; the UI has few colours anyway.
  "$convert" "$raw" -strip -colors 128 -define png:compression-level=9 "PNG8:$out/$name.png"
  echo "$out/$name.png: $(stat -c %s "$out/$name.png") bytes"
done
