#!/bin/sh
# Makes the PDF fixtures of tests/data/pdf/ from the clean texts in
# tests/data/pdf/source/ with real writers, and poppler's readings of them.
#
#   scripts/make_pdf_fixtures.sh          # rewrites tests/data/pdf/*.pdf, *.raw.txt, *.layout.txt
#
# Writers: Chromium (`--headless --print-to-pdf`, HTML with a font per fixture:
# the bundled Vazirmatn through @font-face, Debian's Noto, DejaVu and Kacst
# fonts; right-aligned, justified, two columns) and LibreOffice Writer
# (`--headless --convert-to pdf` of a flat ODT, right-to-left, justified).
# Each fixture's line in tests/data/pdf/fixtures.tsv says which source text,
# writer, font and layout made it.
#
# The error fixtures: errors_encrypted.pdf (qpdf, AES-256, user password
# "secret"), errors_image_only.pdf (a page of a fixture rasterised by pdftoppm
# and printed as an image: a "scan" without text), errors_broken.pdf (the
# first 2000 bytes of a fixture); and owner_password_only.pdf (encrypted
# without a user password: it opens, so it imports).
# Huge files are made by the tests themselves (a sparse file over the limit).
#
# Needs (Debian): chromium libreoffice-writer poppler-utils qpdf
#   fonts-noto-core fonts-kacst fonts-dejavu. The PDFs differ from run to run
# only in dates and ids; the texts poppler reads out of them stay the same.
set -eu
cd "$(dirname "$0")/.."
out=tests/data/pdf
src=$out/source
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fonts=$(pwd)/assets/fonts

# NAME WRITER SOURCE FONT LAYOUT  (LAYOUT: right | justify | columns)
cat > "$out/fixtures.tsv" <<'EOF'
chromium_fa_vazirmatn	chromium	fa_news	Vazirmatn	right
chromium_fa_naskh_justify	chromium	fa_news	Noto Naskh Arabic	justify
chromium_fa_seed_columns	chromium	fa_seed	Noto Sans Arabic	columns
chromium_ar_kacst_columns	chromium	ar_news	KacstBook	columns
chromium_ar_naskh_justify	chromium	ar_news	Noto Naskh Arabic	justify
chromium_en_columns	chromium	en_news	DejaVu Serif	columns
libreoffice_fa_justify	libreoffice	fa_news	DejaVu Sans	justify
libreoffice_fa_seed_naskh	libreoffice	fa_seed	Noto Naskh Arabic	right
libreoffice_ar_justify	libreoffice	ar_news	Noto Naskh Arabic	justify
libreoffice_en_justify	libreoffice	en_news	DejaVu Serif	justify
EOF

# html SOURCE FONT LAYOUT > file.html
html() {
    python3 - "$1" "$2" "$3" "$fonts" <<'PY'
import html, sys
source, font, layout, fonts = sys.argv[1:]
text = open(source, encoding="utf-8").read()
lang = "en" if "/en_" in source else ("ar" if "/ar_" in source else "fa")
direction = "ltr" if lang == "en" else "rtl"
paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
align = {"right": "start", "justify": "justify", "columns": "justify"}[layout]
columns = "column-count: 2; column-gap: 8mm;" if layout == "columns" else ""
print(f"""<!doctype html><html lang="{lang}" dir="{direction}"><head><meta charset="utf-8">
<title>{html.escape(paragraphs[0])}</title>
<style>
@font-face {{ font-family: "Vazirmatn"; src: url("file://{fonts}/Vazirmatn-Regular.ttf"); }}
@font-face {{ font-family: "Vazirmatn"; font-weight: bold; src: url("file://{fonts}/Vazirmatn-Bold.ttf"); }}
@page {{ size: A5; margin: 15mm; }}
body {{ font-family: "{font}"; font-size: 11pt; line-height: 1.6; text-align: {align}; }}
main {{ {columns} }}
h1 {{ font-size: 14pt; text-align: start; }}
</style></head><body><h1>{html.escape(paragraphs[0])}</h1><main>""")
for p in paragraphs[1:]:
    print(f"<p>{html.escape(p)}</p>")
print("</main></body></html>")
PY
}

# fodt SOURCE FONT LAYOUT > file.fodt (a flat OpenDocument text)
fodt() {
    python3 - "$1" "$2" "$3" <<'PY'
import html, sys
source, font, layout = sys.argv[1:]
text = open(source, encoding="utf-8").read()
lang = "en" if "/en_" in source else ("ar" if "/ar_" in source else "fa")
country = {"en": "GB", "ar": "EG", "fa": "IR"}[lang]
rtl = lang != "en"
mode = "rl-tb" if rtl else "lr-tb"
align = "justify" if layout == "justify" else "end" if rtl else "start"
paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
lang_attrs = (f'style:language-complex="{lang}" style:country-complex="{country}"' if rtl
              else f'fo:language="{lang}" fo:country="{country}"')
print(f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>{html.escape(paragraphs[0])}</dc:title><dc:language>{lang}</dc:language></office:meta>
<office:font-face-decls xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0">
 <style:font-face style:name="F" svg:font-family="'{font}'"/>
</office:font-face-decls>
<office:styles>
 <style:page-layout style:name="PL"><style:page-layout-properties fo:page-width="148mm" fo:page-height="210mm"
  fo:margin-top="15mm" fo:margin-bottom="15mm" fo:margin-left="15mm" fo:margin-right="15mm" style:writing-mode="{mode}"/></style:page-layout>
 <style:style style:name="Body" style:family="paragraph">
  <style:paragraph-properties fo:text-align="{align}" style:writing-mode="{mode}" fo:margin-bottom="3mm"/>
  <style:text-properties style:font-name="F" style:font-name-complex="F" fo:font-size="11pt" style:font-size-complex="11pt" {lang_attrs}/>
 </style:style>
 <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Body">
  <style:paragraph-properties fo:text-align="{"end" if rtl else "start"}"/>
  <style:text-properties fo:font-size="14pt" style:font-size-complex="14pt" fo:font-weight="bold" style:font-weight-complex="bold"/>
 </style:style>
</office:styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PL"/></office:master-styles>
<office:body><office:text>""")
print(f'<text:p text:style-name="Title">{html.escape(paragraphs[0])}</text:p>')
for p in paragraphs[1:]:
    print(f'<text:p text:style-name="Body">{html.escape(p)}</text:p>')
print("</office:text></office:body></office:document>")
PY
}

chromium_pdf() { # HTML PDF
    chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
        --user-data-dir="$work/profile" --print-to-pdf="$2" "file://$1" 2>/dev/null
}

while IFS='	' read -r name writer source font layout; do
    echo "$name"
    case $writer in
    chromium)
        html "$src/$source.txt" "$font" "$layout" > "$work/$name.html"
        chromium_pdf "$work/$name.html" "$out/$name.pdf"
        ;;
    libreoffice)
        fodt "$src/$source.txt" "$font" "$layout" > "$work/$name.fodt"
        soffice --headless -env:UserInstallation="file://$work/lo" \
            --convert-to pdf --outdir "$work" "$work/$name.fodt" >/dev/null 2>&1
        mv "$work/$name.pdf" "$out/$name.pdf"
        ;;
    esac
    pdftotext -raw -enc UTF-8 "$out/$name.pdf" "$out/$name.raw.txt"
    pdftotext -layout -enc UTF-8 "$out/$name.pdf" "$out/$name.layout.txt"
done < "$out/fixtures.tsv"

echo "error fixtures"
qpdf --encrypt secret secret 256 -- "$out/chromium_en_columns.pdf" "$out/errors_encrypted.pdf"
# Encrypted with an owner password only: anyone may open it, so it imports.
qpdf --encrypt "" owner 256 -- "$out/chromium_fa_vazirmatn.pdf" "$out/owner_password_only.pdf"
pdftoppm -r 50 -gray -png -f 1 -l 1 "$out/chromium_fa_vazirmatn.pdf" "$work/scan"
printf '<!doctype html><html><body style="margin:0"><img src="file://%s" style="width:100%%"></body></html>' \
    "$(ls "$work"/scan*.png | head -n 1)" > "$work/scan.html"
chromium_pdf "$work/scan.html" "$out/errors_image_only.pdf"
head -c 2000 "$out/chromium_fa_vazirmatn.pdf" > "$out/errors_broken.pdf"
ls -l "$out"/*.pdf
