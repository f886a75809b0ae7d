#!/usr/bin/env python3
"""Writes a deterministic job board for scripts/bench (Python 3 stdlib only).

The board is an invented site, written by this generator: `--jobs` detail
pages (/job/N, 40-120 KB each before compression) with inline CSS, minified
JavaScript, inline SVG icons and sprite, a large inline state blob and a
schema.org JobPosting in JSON-LD, about 50 links each (nav, similar jobs,
footer, social, apply, mailto/javascript); and `--listings` listing pages
(/jobs?page=N) of 25 job cards each with pagination. Every page is stored
gzipped (level 6, as web servers send it) as <out>/pages/<name>.html.gz,
and <out>/manifest.tsv lists "url-path<TAB>file<TAB>kind<TAB>identifier".

The same arguments give byte-identical output (random.Random seeded per
page). Each posting has its own identifier, URL, title/company/town and a
description of its own, so a deduplicating crawler keeps them apart.

Usage: board_gen.py OUT_DIR [--jobs 3000] [--listings 120] [--seed 11]
"""

import argparse
import gzip
import json
import os
import random
import sys

GENERATOR_VERSION = 4

WORDS = (
    "aufgaben verantwortung team infrastruktur betrieb netzwerk sicherheit server cloud "
    "migration projekte strategie budget dienstleister rechenzentrum anwendungen support "
    "digitalisierung prozesse standorte mitarbeitende führung entwicklung architektur "
    "lizenzen verträge beschaffung datenschutz informationssicherheit backup monitoring "
    "telefonie arbeitsplätze endgeräte schnittstellen fachbereiche geschäftsführung "
    "weiterentwicklung modernisierung kostenplanung steuerung koordination umsetzung "
    "einführung betreuung optimierung sicherstellung analyse bewertung dokumentation "
    "schulung beratung kommunikation qualität verfügbarkeit leistung kapazität "
    "virtualisierung speichersysteme firewall active directory microsoft linux sap erp "
    "crm itil scrum kanban lieferanten partner kunden bürger verwaltung produktion "
    "logistik vertrieb einkauf controlling personal recht compliance revision audit "
    "wir bieten ihnen eine unbefristete stelle mit flexiblen arbeitszeiten homeoffice "
    "fortbildung altersvorsorge jobrad kantine parkplatz gesundheit familie beruf "
    "sie bringen mit abgeschlossenes studium informatik wirtschaftsinformatik erfahrung "
    "jahre kenntnisse englisch deutsch sicher verhandlungsgeschick durchsetzungsstärke "
    "zuverlässigkeit teamfähigkeit eigeninitiative kreativität analytisch strukturiert "
    "über uns mittelständisches unternehmen familiengeführt tradition innovation region "
    "wachstum zukunft nachhaltigkeit energie wasser mobilität gesundheitswesen bildung"
).split()

TITLES = [
    "IT-Leiter (m/w/d)", "Leiter IT (m/w/d)", "Head of IT (m/w/d)", "CIO (m/w/d)",
    "Teamleiter IT-Infrastruktur (m/w/d)", "Leiter IT-Betrieb (m/w/d)", "IT-Manager (m/w/d)",
    "Systemadministrator (m/w/d)", "Netzwerkadministrator (m/w/d)", "Softwareentwickler (m/w/d)",
    "Java-Entwickler (m/w/d)", "Frontend-Entwickler (m/w/d)", "Backend-Entwickler (m/w/d)",
    "DevOps Engineer (m/w/d)", "Cloud Architect (m/w/d)", "IT-Projektleiter (m/w/d)",
    "SAP-Berater (m/w/d)", "Datenbankadministrator (m/w/d)", "IT-Support (m/w/d)",
    "Fachinformatiker Systemintegration (m/w/d)", "Data Engineer (m/w/d)",
    "Data Scientist (m/w/d)", "Scrum Master (m/w/d)", "Product Owner (m/w/d)",
    "IT-Sicherheitsbeauftragter (m/w/d)", "Leiter Rechenzentrum (m/w/d)",
    "Referent Digitalisierung (m/w/d)", "Anwendungsbetreuer (m/w/d)", "Testmanager (m/w/d)",
    "UX Designer (m/w/d)", "Business Analyst (m/w/d)", "IT-Koordinator (m/w/d)",
    "Leiter Informationstechnik (m/w/d)", "Teamleiter Softwareentwicklung (m/w/d)",
    "Linux-Administrator (m/w/d)", "Windows-Administrator (m/w/d)", "ERP-Berater (m/w/d)",
    "IT-Einkäufer (m/w/d)", "IT-Controller (m/w/d)", "Servicedesk-Leiter (m/w/d)",
]

COMPANY_STEMS = [
    "Stadtwerke", "Volme", "Ennepe", "Ruhrtal", "Lenne", "Sauerland", "Westfalen", "Märkische",
    "Hohenlimburger", "Haspe", "Wetter", "Herdecke", "Iserlohner", "Schwerter", "Gevelsberger",
    "Ardey", "Harkort", "Kaiserberg", "Emst", "Boele", "Vorhalle", "Eilpe", "Dahl", "Selbecke",
    "Rummenohl",
]
COMPANY_KINDS = ["Logistik", "Maschinenbau", "Energie", "Systemhaus", "Versicherung"]
COMPANY_FORMS = ["GmbH", "AG", "GmbH & Co. KG", "SE", "KG"]

TOWNS = [
    ("58095", "Hagen"), ("58119", "Hohenlimburg"), ("58640", "Iserlohn-Letmathe"),
    ("58300", "Wetter (Ruhr)"),
    ("58313", "Herdecke"), ("58332", "Schwelm"), ("58285", "Gevelsberg"), ("58239", "Schwerte"),
    ("58636", "Iserlohn"), ("58762", "Altena"), ("58511", "Lüdenscheid"), ("44135", "Dortmund"),
    ("44787", "Bochum"), ("45127", "Essen"), ("42103", "Wuppertal"), ("58452", "Witten"),
    ("58706", "Menden"), ("59755", "Arnsberg"), ("58840", "Plettenberg"), ("45525", "Hattingen"),
]

SOCIAL = ["https://www.facebook.com/jobboard", "https://www.linkedin.com/company/jobboard",
          "https://www.instagram.com/jobboard", "https://www.xing.com/pages/jobboard",
          "https://twitter.com/jobboard", "https://www.youtube.com/@jobboard"]
STATIC = ["/ueber-uns", "/kontakt", "/impressum", "/datenschutz", "/agb", "/faq", "/presse",
          "/karriere-tipps", "/arbeitgeber", "/preise", "/login", "/registrieren",
          "/merkliste", "/newsletter", "/barrierefreiheit", "/sitemap-html"]


def company_name(index):
    stem = COMPANY_STEMS[index % len(COMPANY_STEMS)]
    kind = COMPANY_KINDS[(index // len(COMPANY_STEMS)) % len(COMPANY_KINDS)]
    form = COMPANY_FORMS[index % len(COMPANY_FORMS)]
    return f"{stem} {kind} {form}"


COMPANIES = len(COMPANY_STEMS) * len(COMPANY_KINDS)


def postings(jobs, seed):
    """One distinct (title, company, town) per job, in a seeded order."""
    space = len(TITLES) * COMPANIES * len(TOWNS)
    picks = random.Random(seed).sample(range(space), jobs)
    out = []
    for number, pick in enumerate(picks, start=1):
        title = TITLES[pick % len(TITLES)]
        company = company_name((pick // len(TITLES)) % COMPANIES)
        town = TOWNS[pick // (len(TITLES) * COMPANIES)]
        out.append({"n": number, "title": title, "company": company, "zip": town[0],
                    "town": town[1], "id": f"JB-{seed:02d}-{number:05d}"})
    return out


def words(rng, count):
    return " ".join(rng.choices(WORDS, k=count))


def sentence(rng):
    text = words(rng, rng.randint(8, 22))
    return text[0].upper() + text[1:] + "."


def ident(rng, length=None):
    return "".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=length or rng.randint(1, 3)))


def css(rng, size):
    parts = []
    total = 0
    while total < size:
        sel = f".{ident(rng, 2)}-{ident(rng, 5)} .{ident(rng, 4)}>{rng.choice('adpsuil')}"
        rule = (f"{sel}{{margin:{rng.randint(0, 24)}px {rng.randint(0, 24)}px;"
                f"padding:{rng.randint(0, 16)}px;color:#{rng.getrandbits(24):06x};"
                f"background:url(\"data:image/svg+xml,%3Csvg%3E%3C/svg%3E\");"
                f"font:{rng.randint(11, 22)}px/1.{rng.randint(2, 8)} sans-serif}}")
        if rng.random() < 0.05:
            rule = f"@media (max-width:{rng.randint(320, 1400)}px){{{rule}}}"
        parts.append(rule)
        total += len(rule)
    return "".join(parts)


def javascript(rng, size, tricky):
    parts = ["!function(e,t){\"use strict\";"]
    total = 0
    while total < size:
        a, b, c = ident(rng), ident(rng), ident(rng)
        choice = rng.random()
        if choice < 0.3:
            piece = (f"var {a}=function({b},{c}){{return {b}&&{b}.{ident(rng, 6)}"
                     f"?{c}<{rng.randint(2, 99)}:{b}>>{rng.randint(1, 7)}}};")
        elif choice < 0.55:
            piece = (f"{a}.innerHTML='<div class=\"{ident(rng, 6)}\"><span>'+{b}+"
                     f"'</span></div>';")
        elif choice < 0.75:
            piece = f"if({a}<{b}&&{c}!=null){{{a}+={rng.randint(1, 999)};{b}--}}"
        else:
            piece = f"e.{ident(rng, 5)}=\"{words(rng, rng.randint(2, 6))}\";"
        parts.append(piece)
        total += len(piece)
    if tricky:
        # Escaped script data: "<!--" with "<script>" inside stays one script.
        parts.append("document.write('<!--<script>x()</script>-->');")
    parts.append("}(window,document);")
    return "".join(parts)


def state_blob(rng, size, posting):
    jobs = []
    total = 0
    while total < size:
        item = {"id": rng.randint(1, 10 ** 6), "slug": ident(rng, 12),
                "teaser": words(rng, rng.randint(10, 30)), "score": rng.random(),
                "tags": [ident(rng, 6) for _ in range(rng.randint(1, 5))],
                "html": "\\u003cp\\u003e" + words(rng, 5) + "\\u003c/p\\u003e"}
        jobs.append(item)
        total += 160 + len(item["teaser"])
    state = {"route": f"/job/{posting['n']}", "user": None, "flags": {"ab": rng.random() < 0.5},
             "jobs": jobs, "i18n": {"apply": "Jetzt bewerben", "save": "Merken"}}
    return json.dumps(state, ensure_ascii=False, separators=(",", ":"))


def path_data(rng, points):
    cmds = [f"M{rng.randint(0, 24)}.{rng.randint(0, 99)} {rng.randint(0, 24)}.{rng.randint(0, 99)}"]
    for _ in range(points):
        cmds.append(f"{rng.choice('LCQSc')}{rng.randint(-24, 24)}.{rng.randint(0, 999)} "
                    f"{rng.randint(-24, 24)}.{rng.randint(0, 999)}")
    return "".join(cmds) + "z"


def icon(rng, name):
    return (f'<svg class="icon icon-{name}" viewBox="0 0 24 24" width="16" height="16" '
            f'aria-hidden="true" focusable="false"><path fill="currentColor" '
            f'd="{path_data(rng, rng.randint(20, 60))}"/></svg>')


def sprite(rng, size):
    symbols = []
    total = 0
    while total < size:
        symbol = (f'<symbol id="i-{ident(rng, 6)}" viewBox="0 0 24 24"><g fill="none">'
                  f'<path d="{path_data(rng, rng.randint(10, 40))}"/>'
                  f'<circle cx="{rng.randint(1, 23)}" cy="{rng.randint(1, 23)}" r="2"/></g>'
                  f'</symbol>\n')
        symbols.append(symbol)
        total += len(symbol)
    return '<svg xmlns="http://www.w3.org/2000/svg" style="display:none">\n' + "".join(symbols) + "</svg>"


def head(rng, title, canonical, css_size, extra=""):
    return (f'<!DOCTYPE html>\n<html lang="de"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>{title}</title><link rel="canonical" href="{canonical}">'
            f'<link rel="stylesheet" href="/static/app.{ident(rng, 8)}.css">'
            f'<style>{css(rng, css_size)}</style>{extra}'
            f'<script src="/static/app.{ident(rng, 8)}.js" defer></script></head>\n')


def nav(rng, listings):
    pages = sorted(rng.sample(range(1, listings + 1), 3))
    links = [f'<a href="/" class="logo">{icon(rng, "logo")} Jobboard Hagen</a>',
             '<a href="/jobs?page=1">Alle Jobs</a>']
    links += [f'<a href="/jobs?page={p}">Seite {p}</a>' for p in pages]
    links += [f'<a href="{s}">{s[1:].replace("-", " ").title()}</a>' for s in STATIC[:8]]
    links.append('<a href="javascript:void(0)" class="menu">Menü</a>')
    return '<header class="site-header"><nav class="main-nav">' + " ".join(links) + "</nav></header>\n"


def footer(rng):
    links = [f'<a href="{s}">{s[1:].replace("-", " ").title()}</a>' for s in STATIC[8:]]
    links += [f'<a href="{s}" rel="noopener">{icon(rng, "social")}</a>' for s in SOCIAL]
    links.append('<a href="mailto:info@jobboard.example">info@jobboard.example</a>')
    links.append(f'<a href="https://partner.example/?utm_source=jobboard&ref={ident(rng, 5)}">'
                 'Partner</a>')
    return ('<footer class="site-footer"><div class="links">' + " ".join(links) +
            '</div><p>© 2026 Jobboard Hagen · Musterweg 1 · 58095 Hagen</p></footer>\n')


def description_html(rng):
    parts = ["<p>" + " ".join(sentence(rng) for _ in range(rng.randint(3, 6))) + "</p>"]
    for heading in ("Ihre Aufgaben", "Ihr Profil", "Wir bieten"):
        items = "".join(f"<li>{sentence(rng)}</li>" for _ in range(rng.randint(4, 8)))
        parts.append(f"<h2>{heading}</h2><ul>{items}</ul>")
    return "".join(parts)


def json_ld(posting, description, rng):
    low = rng.randrange(45, 110) * 1000
    data = {
        "@context": "https://schema.org", "@type": "JobPosting", "title": posting["title"],
        "description": description, "url": f"/job/{posting['n']}",
        "identifier": {"@type": "PropertyValue", "name": posting["company"],
                       "value": posting["id"]},
        "datePosted": f"2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}",
        "validThrough": "2099-12-31", "employmentType": rng.choice(["FULL_TIME", "PART_TIME"]),
        "hiringOrganization": {"@type": "Organization", "name": posting["company"]},
        "jobLocation": {"@type": "Place", "address": {
            "@type": "PostalAddress", "streetAddress": f"{rng.choice(WORDS).title()}straße "
            f"{rng.randint(1, 120)}", "postalCode": posting["zip"],
            "addressLocality": posting["town"], "addressRegion": "NRW", "addressCountry": "DE"}},
        "baseSalary": {"@type": "MonetaryAmount", "currency": "EUR", "value": {
            "@type": "QuantitativeValue", "minValue": low, "maxValue": low + 15000,
            "unitText": "YEAR"}},
    }
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return text.replace("</", "<\\/")


def detail_page(posting, all_postings, listings, seed):
    rng = random.Random(seed * 1_000_003 + posting["n"])
    target = rng.randint(40_000, 120_000)
    desc = description_html(rng)
    extra = f'<script type="application/ld+json">{json_ld(posting, desc, rng)}</script>'
    title = f'{posting["title"]} – {posting["company"]} – Jobboard Hagen'
    top = head(rng, title, f"/job/{posting['n']}", rng.randint(6_000, 16_000), extra)
    js = f"<script>{javascript(rng, rng.randint(6_000, 20_000), posting['n'] % 7 == 0)}</script>\n"
    similar = rng.sample(all_postings, 13)
    cards = "".join(
        f'<li><a href="/job/{p["n"]}">{p["title"]}</a> <span>{p["company"]}</span></li>'
        for p in similar if p["n"] != posting["n"])
    body = (
        "<body>\n" + nav(rng, listings) +
        f'<main><article class="job"><nav class="breadcrumb"><a href="/jobs?page=1">Jobs</a> › '
        f'{posting["town"]}</nav><h1>{posting["title"]}</h1>'
        f'<div class="facts"><span class="company">{icon(rng, "building")} {posting["company"]}'
        f'</span><span class="location">{icon(rng, "pin")} {posting["zip"]} {posting["town"]}'
        f'</span><span>{icon(rng, "clock")} Vollzeit</span></div>'
        f'<section class="description">{desc}</section>'
        f'<p><a class="apply" href="/apply/{posting["n"]}?src=detail">Jetzt bewerben</a> '
        f'<a href="/merkliste?add={posting["n"]}">Merken</a></p></article>'
        f'<aside class="similar"><h2>Ähnliche Jobs</h2><ul>{cards}</ul></aside></main>\n' +
        footer(rng) + js)
    used = len(top) + len(body) + 200
    blob = state_blob(rng, max(2_000, (target - used) * 3 // 4), posting)
    tail = (f'<script>window.__INITIAL_STATE__={blob};</script>\n' +
            sprite(rng, max(1_000, target - used - len(blob))) + "\n</body></html>\n")
    return top + body + tail


def listing_page(page, cards, listings, seed):
    rng = random.Random(seed * 7_000_003 + page)
    title = f"IT-Jobs in Hagen und Umgebung – Seite {page} – Jobboard Hagen"
    extra = f'<link rel="next" href="/jobs?page={page + 1}">' if page < listings else ""
    top = head(rng, title, f"/jobs?page={page}", rng.randint(6_000, 12_000), extra)
    items = "".join(
        f'<li class="card"><h2><a href="/job/{p["n"]}">{p["title"]}</a></h2>'
        f'<p class="company">{icon(rng, "building")} {p["company"]}</p>'
        f'<p class="location">{p["zip"]} {p["town"]}</p><p>{words(rng, 25)}</p></li>'
        for p in cards)
    numbers = sorted({1, listings, *[n for n in range(page - 2, page + 3) if 1 <= n <= listings],
                      *[n for n in (page + 10, page + 25) if n <= listings]})
    pager = " ".join(f'<a href="/jobs?page={n}">{n}</a>' for n in numbers if n != page)
    if page < listings:
        pager += f' <a href="/jobs?page={page + 1}" rel="next">Weiter »</a>'
    body = ("<body>\n" + nav(rng, listings) +
            f'<main><h1>IT-Jobs in Hagen – Seite {page}</h1><ul class="results">{items}</ul>'
            f'<nav class="pager">{pager}</nav></main>\n' + footer(rng) +
            f"<script>{javascript(rng, rng.randint(6_000, 14_000), False)}</script>\n" +
            sprite(rng, rng.randint(3_000, 8_000)) + "\n</body></html>\n")
    return top + body


def write(path, text):
    with open(path, "wb") as out:
        out.write(gzip.compress(text.encode("utf-8"), compresslevel=6, mtime=0))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--jobs", type=int, default=3000)
    parser.add_argument("--listings", type=int, default=120)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    stamp = f"board v{GENERATOR_VERSION} jobs={args.jobs} listings={args.listings} seed={args.seed}\n"
    stamp_path = os.path.join(args.out, "STAMP")
    if os.path.exists(stamp_path) and open(stamp_path).read() == stamp:
        return 0  # already generated with these arguments
    os.makedirs(os.path.join(args.out, "pages"), exist_ok=True)
    all_postings = postings(args.jobs, args.seed)
    manifest = []
    per_listing = -(-args.jobs // args.listings)
    for page in range(1, args.listings + 1):
        cards = all_postings[(page - 1) * per_listing:page * per_listing]
        name = f"pages/jobs-{page}.html.gz"
        write(os.path.join(args.out, name), listing_page(page, cards, args.listings, args.seed))
        manifest.append(f"/jobs?page={page}\t{name}\tlisting\t")
    for posting in all_postings:
        name = f"pages/job-{posting['n']}.html.gz"
        write(os.path.join(args.out, name),
              detail_page(posting, all_postings, args.listings, args.seed))
        manifest.append(f"/job/{posting['n']}\t{name}\tdetail\t{posting['id']}")
    with open(os.path.join(args.out, "manifest.tsv"), "w") as out:
        out.write("\n".join(manifest) + "\n")
    with open(stamp_path, "w") as out:
        out.write(stamp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
