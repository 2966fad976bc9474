#!/bin/sh
# html.sh - `recall report --format html`: one self-contained page, escaped,
# rendered in headless Chromium (a screenshot, and a print to A4 PDF) with the
# figures of docs/CLASSROOM.md's worked example.
. "$(dirname "$0")/../lib.sh"
export RECALL_DB="$T/recall.db"
BANK="$ROOT/tests/golden/report/trip.yaml"

cat > "$T/roster.csv" <<'CSV'
id,name,group
s01,Ana,A
s02,Ben,A
s03,Cy,A
s04,Dee,A
s05,Eve,A
s06,Fay,B
s07,Gus,B
s08,Hal,B
s09,Ida,B
s10,Jo <b>Bold</b> & co,B
s11,Kim,B
s12,Lu,B
CSV
"$RECALL" roster import "$T/roster.csv" --class M > /dev/null
"$RECALL" class set --class M --order bank --seed 1 > /dev/null
printf 'id,name\np1,Probe\n' > "$T/probe.csv"
"$RECALL" roster import "$T/probe.csv" --class probe > /dev/null
"$RECALL" class set --class probe --order bank --seed 1 > /dev/null
printf '7\n' | "$RECALL" take "$BANK" --class probe --student p1 > "$T/probe" 2>&1
lima=$(sed -n 's/^  (\(.\)) Lima$/\1/p' "$T/probe")
take_as() {
	printf '%s\n' "$2" "$3" "$4" "$5" | "$RECALL" take "$BANK" --class M --student "$1" > /dev/null 2>&1
}
take_as s01 7 Paris Lima false
take_as s02 seven Paris Lima no
take_as s03 7 Paris Cusco false
take_as s04 7 Paris cusco n
take_as s05 7 paris '<script>alert(1)</script>' false
take_as s06 7 Rome Bogotá true
take_as s07 7 rome Bogota yes
take_as s08 7 ROME. Cusco true
take_as s09 7 Oslo :skip true
take_as s10 7 "$lima" '<script>alert(1)</script>' no
take_as s10 7 Paris Cusco no
printf '7\n:quit\n' | "$RECALL" take "$BANK" --class M --student s12 > /dev/null 2>&1

run "$RECALL" report --class M --format html -o "$T/report.html"
expect_status "html: exit 0" 0
expect_empty "html: nothing on stdout with -o" "$T/out"
H="$T/report.html"
expect_grep "html: a document" "$H" "<!DOCTYPE html>"
expect_grep "html: inline CSS" "$H" "<style>"
expect_grep "html: print CSS for A4" "$H" "@page{size:A4"
n=$(grep -c '<svg' "$H")
if [ "$n" = 3 ]; then ok "html: three inline SVG charts"; else not_ok "html: three inline SVG charts" "$n"; fi
if grep -qiE '<script|<link|<img|<iframe|@import|url\(|https?://' "$H"; then
	not_ok "html: self-contained, no scripts" "$(grep -oiE '<script[^>]*>|<link[^>]*>|<img|<iframe|@import|url\(|https?://[^" ]*' "$H" | head -n 3)"
else ok "html: self-contained, no scripts"; fi
expect_grep "html: a typed answer is escaped" "$H" "&lt;script&gt;alert(1)&lt;/script&gt;"
expect_grep "html: a roster name is escaped" "$H" "Jo &lt;b&gt;Bold&lt;/b&gt; &amp; co"
expect_grep "html: per-student pages" "$H" '<section class="student" id="student-s03">'
expect_grep "html: the gradebook links to them" "$H" '<a href="#student-s03">s03</a>'
expect_grep "html: an unfinished attempt with its score so far" "$H" "25%*</td>"

if ! command -v chromium > /dev/null 2>&1; then
	echo "ok - SKIP: chromium is not installed (apt-get install chromium), so the page is not rendered"
	exit 0
fi
chrome() {
	timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
		--user-data-dir="$T/chrome" --no-first-run --no-default-browser-check \
		--enable-logging=stderr --v=0 "$@" "file://$H" > "$T/chrome.out" 2> "$T/chrome.err"
}
chrome --window-size=1200,1800 --screenshot="$T/page.png"
if [ -s "$T/page.png" ]; then ok "chromium: a screenshot"; else not_ok "chromium: a screenshot" "$(tail -n 5 "$T/chrome.err")"; fi
# A page with no resource to load and no script has nothing to fail; any
# console message or failed load would be an error in the page.
if grep -E 'CONSOLE|Uncaught|Failed to load|net::ERR' "$T/chrome.err" > "$T/errors"; then
	not_ok "chromium: renders without errors" "$(head -n 5 "$T/errors")"
else ok "chromium: renders without errors"; fi
size=$(wc -c < "$T/page.png")
dims=$(od -An -tu1 -j16 -N8 "$T/page.png" | awk '{ print $1*16777216+$2*65536+$3*256+$4 "x" $5*16777216+$6*65536+$7*256+$8 }')
if [ "$dims" = 1200x1800 ] && [ "$size" -gt 30000 ]; then ok "chromium: the screenshot is the page, drawn ($dims, $size bytes)"; else
	not_ok "chromium: the screenshot is the page, drawn" "$dims, $size bytes"; fi
# RECALL_KEEP_SCREENSHOTS=DIR keeps the pictures, to look at.
if [ -n "${RECALL_KEEP_SCREENSHOTS:-}" ]; then cp "$T/page.png" "$RECALL_KEEP_SCREENSHOTS/report-page.png"; fi

chrome --dump-dom
D="$T/chrome.out"
expect_grep "rendered: the title" "$D" "<h1>Class M · A short trip</h1>"
expect_grep "rendered: who took it" "$D" "12 on the roster · 10 took it · 1 did not finish · 1 not taken"
expect_grep "rendered: the mean" "$D" '<div class="figure">mean<b>55%</b></div>'
expect_grep "rendered: the median" "$D" '<div class="figure">median<b>50%</b></div>'
expect_grep "rendered: the spread" "$D" '<div class="figure">spread (sd)<b>10 points</b></div>'
expect_grep "rendered: the histogram's bar of 8" "$D" "<title>50–59%: 8</title>"
expect_grep "rendered: the histogram's bar of 2" "$D" "<title>70–79%: 2</title>"
tr '\n' ' ' < "$D" | sed 's/<tr>/\
<tr>/g' | grep '^<tr><td class="num">[0-9]</td><td><b>' |
	sed 's/<td class="num">\([^<]*\)<\/td>/ [\1] /g; s/<[^>]*>/ /g; s/  */ /g' > "$T/items"
grep -q '\[1\] players .*too easy \[100%\] \[0.00\]' "$T/items" && grep -q '\[3\] capital .*too hard \[20%\] \[0.67\]' "$T/items" &&
	grep -q '\[4\] claim .*negative discrimination \[40%\] \[-0.67\]' "$T/items" && grep -q '\[2\] city .*\[50%\] \[1.00\]' "$T/items"
if [ $? = 0 ]; then ok "rendered: facility, discrimination and flags as worked out by hand"; else not_ok "rendered: facility, discrimination and flags" "$(cat "$T/items")"; fi
expect_grep "rendered: the common wrong answers" "$D" '<span class="typed">Cusco</span> ×3'
if grep -q '<script>alert' "$D"; then not_ok "rendered: the typed script stays text"; else ok "rendered: the typed script stays text"; fi

chrome --no-pdf-header-footer --print-to-pdf="$T/report.pdf"
if [ -s "$T/report.pdf" ] && head -c 5 "$T/report.pdf" | grep -q '%PDF'; then ok "print: a PDF"; else not_ok "print: a PDF" "$(tail -n 5 "$T/chrome.err")"; fi
if command -v pdfinfo > /dev/null 2>&1; then
	pdfinfo "$T/report.pdf" > "$T/info"
	expect_grep "print: on A4" "$T/info" "(A4)"
	pages=$(sed -n 's/^Pages: *//p' "$T/info")
	# The class's pages, then a page for each of the 12 students.
	if [ "${pages:-0}" -ge 13 ] && [ "${pages:-0}" -le 16 ]; then ok "print: a page per student ($pages pages)"; else not_ok "print: a page per student" "$pages pages"; fi
	pdftotext -layout "$T/report.pdf" "$T/report.txt"
	expect_grep "print: holds the item analysis" "$T/report.txt" "Item analysis"
	expect_grep "print: holds a student's page" "$T/report.txt" "s12 · Lu"
	if command -v pdftoppm > /dev/null 2>&1; then
		pdftoppm -r 50 -png -f 1 -l 1 "$T/report.pdf" "$T/print"
		if [ -s "$T/print-01.png" ] || [ -s "$T/print-1.png" ]; then ok "print: its first page as a picture"; else not_ok "print: its first page as a picture"; fi
		if [ -n "${RECALL_KEEP_SCREENSHOTS:-}" ]; then cp "$T"/print-*1.png "$RECALL_KEEP_SCREENSHOTS/report-print.png"; fi
	fi
else
	echo "ok - SKIP: pdfinfo is not installed (apt-get install poppler-utils), so the PDF's pages are not counted"
fi
exit 0
