"""Dutch and English UI strings.

Dutch is the default because most visitors are Dutch; every string has both
languages so that a missing translation is a test failure, not a blank label.
Record texts (titles, summaries, reasons) live in the data, not here.
"""

from __future__ import annotations

import re
from typing import Literal

Lang = Literal["nl", "en"]
LANGS: tuple[Lang, ...] = ("nl", "en")
DEFAULT_LANG: Lang = "nl"

STRINGS: dict[str, dict[Lang, str]] = {
    "app_title": {"nl": "Stedenbanden NL–CN", "en": "Sister cities NL–CN"},
    "app_tagline": {
        "nl": "Banden tussen Nederlandse gemeenten en provincies en Chinese steden en provincies, met bronnen.",
        "en": "Ties between Dutch municipalities and provinces and Chinese cities and provinces, with sources.",
    },
    "language": {"nl": "Taal", "en": "Language"},
    "page_map": {"nl": "Kaart", "en": "Map"},
    "page_data": {"nl": "Data & bronnen", "en": "Data & sources"},
    "status_in_force": {"nl": "van kracht", "en": "in force"},
    "status_dormant": {"nl": "slapend", "en": "dormant"},
    "status_ended": {"nl": "beëindigd", "en": "ended"},
    "state_in_use": {"nl": "in gebruik (≤ 5 jaar)", "en": "in use (≤ 5 years)"},
    "state_fading": {"nl": "geen gebruik in 5–10 jaar", "en": "no use in 5–10 years"},
    "state_silent": {"nl": "geen gebruik in > 10 jaar", "en": "no use in > 10 years"},
    "state_undated": {"nl": "geen gedateerd gebruik", "en": "no dated use"},
    "state_dormant": {"nl": "slapend (verklaard)", "en": "dormant (stated)"},
    "state_ended": {"nl": "beëindigd", "en": "ended"},
    # What a tie was in a chosen year (through_time.YEAR_STATES); "ended" is the state above.
    "state_new": {"nl": "nieuw dat jaar", "en": "new that year"},
    "state_in_force": {"nl": "van kracht", "en": "in force"},
    "state_perhaps_begun": {"nl": "misschien al begonnen", "en": "perhaps begun"},
    "state_ended_unknown_year": {"nl": "beëindigd, jaar onbekend", "en": "ended, year unknown"},
    "year_legend": {"nl": "Banden in het gekozen jaar", "en": "Ties in the chosen year"},
    "year_rule": {
        "nl": "Banden met een onbekend begin staan alleen op de kaart van vandaag; een begin tussen twee data "
        "telt als 'misschien al begonnen' tot het laatste jaar dat het kan zijn.",
        "en": "Ties whose start is unknown are only on today's map; a start between two dates counts as "
        "'perhaps begun' until the last year it can be.",
    },
    "map_year": {"nl": "Kaart in het jaar", "en": "Map in the year"},
    "map_today": {"nl": "vandaag", "en": "today"},
    "map_year_help": {
        "nl": "Pijltjestoetsen: een jaar verder of terug. Vandaag toont stand en gebruik; een jaar toont welke "
        "banden er toen waren.",
        "en": "Arrow keys: one year on or back. Today shows standing and use; a year shows which ties there were then.",
    },
    "map_play": {"nl": "▶ Afspelen", "en": "▶ Play"},
    "map_pause": {"nl": "⏸ Pauzeren", "en": "⏸ Pause"},
    "map_in_year": {"nl": "De kaart in {year}", "en": "The map in {year}"},
    "chart_year_hint": {
        "nl": "Klik op een jaar in de grafiek voor de kaart van dat jaar.",
        "en": "Click a year in the chart for the map of that year.",
    },
    "chart_picture_hint": {
        "nl": "Afbeelding van de grafiek. Wijs hem aan of ga er met Tab naartoe voor de interactieve grafiek.",
        "en": "A picture of the chart. Point at it or move to it with Tab for the interactive chart.",
    },
    "year_events": {"nl": "Gebeurtenissen in {year}", "en": "Events in {year}"},
    "year_figures": {
        "nl": "In {year}: {n} banden, waarvan {new} nieuw en {ended} beëindigd; {events} gebeurtenissen.",
        "en": "In {year}: {n} ties, {new} of them new and {ended} ended; {events} events.",
    },
    "use_in_use": {"nl": "in gebruik (laatste teken {year})", "en": "in use (last sign {year})"},
    "use_fading": {"nl": "geen teken van gebruik sinds {year}", "en": "no sign of use since {year}"},
    "use_silent": {"nl": "geen teken van gebruik sinds {year}", "en": "no sign of use since {year}"},
    "use_undated": {"nl": "geen gedateerd gebruik gevonden", "en": "no dated use found"},
    "relation_sister": {"nl": "stedenband / zusterband", "en": "sister tie"},
    "relation_friendly_exchange": {
        "nl": "vriendschaps- of samenwerkingsrelatie",
        "en": "friendly exchange / cooperation",
    },
    "relation_memorandum": {"nl": "intentieverklaring / MoU", "en": "letter of intent / MoU"},
    "relation_informal": {"nl": "informele band", "en": "informal tie"},
    "level_gemeente": {"nl": "gemeente", "en": "municipality"},
    "level_provincie": {"nl": "provincie", "en": "province"},
    "level_province": {"nl": "provincie", "en": "province"},
    "level_direct_city": {"nl": "stadsprovincie", "en": "direct-administered city"},
    "level_prefecture_city": {"nl": "stad (prefectuur)", "en": "prefecture-level city"},
    "level_county_city": {"nl": "stad (district)", "en": "county-level city"},
    "level_district": {"nl": "stadsdistrict", "en": "district"},
    "province_of": {"nl": "Provincie {name}", "en": "Province of {name}"},
    "events_lower": {"nl": "gebeurtenissen", "en": "events"},
    "legend_province_ties": {"nl": "Banden per provincie", "en": "Ties per province"},
    "filters": {"nl": "Filters", "en": "Filters"},
    "filter_province": {"nl": "Provincie", "en": "Province"},
    "filter_level": {"nl": "Nederlandse partner", "en": "Dutch partner"},
    "filter_status": {"nl": "Formele status", "en": "Formal standing"},
    "filter_use": {"nl": "Laatste gebruik", "en": "Last use"},
    "use_band_in_use": {"nl": "≤ 5 jaar geleden", "en": "≤ 5 years ago"},
    "use_band_fading": {"nl": "5–10 jaar geleden", "en": "5–10 years ago"},
    "use_band_silent": {"nl": "> 10 jaar geleden", "en": "> 10 years ago"},
    "use_band_undated": {"nl": "niet gedateerd", "en": "not dated"},
    "filter_type": {"nl": "Soort band", "en": "Kind of tie"},
    "filter_period": {"nl": "Periode", "en": "Period"},
    "filter_query": {"nl": "Filter op plaatsnaam", "en": "Filter by place name"},
    "filter_query_help": {
        "nl": "Nederlandse of Chinese naam, ook in pinyin of Hanzi; spelfouten en accenten mogen.",
        "en": "Dutch or Chinese name, also in pinyin or Hanzi; typos and missing accents are fine.",
    },
    "filter_reset": {"nl": "Alle filters wissen", "en": "Clear all filters"},
    "all": {"nl": "alle", "en": "all"},
    "url_notice": {
        "nl": "Deze onderdelen van de link zijn niet herkend en genegeerd: {items}",
        "en": "These parts of the link were not recognised and were ignored: {items}",
    },
    "url_too_long": {
        "nl": "Deze link was te lang om te lezen en is genegeerd; u ziet alle banden.",
        "en": "This link was too long to read and was ignored; you see all ties.",
    },
    "and_more": {"nl": "en nog {n}", "en": "and {n} more"},
    "map_frame_title": {
        "nl": "Interactieve kaart van de banden; dezelfde gegevens staan in de tabel onder de kaart",
        "en": "Interactive map of the ties; the same data is in the table below the map",
    },
    "dutch_end": {"nl": "Nederland: {n} overheden", "en": "The Netherlands: {n} authorities"},
    "dutch_end_hint": {
        "nl": "Elke plaats apart staat op de kaart van Nederland.",
        "en": "The map of the Netherlands shows each place on its own.",
    },
    "marker_name": {"nl": "{name}, status {status}", "en": "{name}, status {status}"},
    "page_profile": {"nl": "Profiel", "en": "Profile"},
    "embed": {"nl": "Insluiten", "en": "Embed"},
    "embed_help": {
        "nl": "Plak deze code in een artikel: precies deze weergave, met de huidige selectie en taal.",
        "en": "Paste this code into an article: exactly this view, with the current selection and language.",
    },
    "embed_help_site": {
        "nl": "Plak deze code in een artikel of webpagina; het kader toont deze grafiek met titel, bronregel en "
        "een link terug naar deze site.",
        "en": "Paste this code into an article or web page; the frame shows this chart with its title, source "
        "line and a link back to this site.",
    },
    "embed_preview": {"nl": "Bekijk de ingesloten versie", "en": "See the embedded version"},
    "download_table": {"nl": "Deze tabel als CSV", "en": "This table as CSV"},
    "copy_link": {"nl": "Kopieer link", "en": "Copy link"},
    "embed_static": {
        "nl": "Voor veel bezoekers: dezelfde weergave van de statische site (snel, geen server per lezer).",
        "en": "For many readers: the same view from the static site (fast, no server per reader).",
    },
    "embed_static_all_only": {
        "nl": "De statische site toont alleen alle data; wis de filters voor een statische insluitcode.",
        "en": "The static site shows all data only; clear the filters for a static embed code.",
    },
    "download_map": {"nl": "Download kaart ({fmt})", "en": "Download map ({fmt})"},
    "link_copied": {"nl": "Link gekopieerd", "en": "Link copied"},
    "open_full_view": {"nl": "Volledige weergave op Stedenbanden NL–CN", "en": "Full view on Stedenbanden NL–CN"},
    "correction_title": {"nl": "Correctie {kind} {id}", "en": "Correction {kind} {id}"},
    "correction_kind_tie": {"nl": "band", "en": "tie"},
    "correction_kind_event": {"nl": "gebeurtenis", "en": "event"},
    "correction_body": {
        "nl": "Record: {id}\n\nWat klopt er niet, en wat moet het zijn?\n\nOpenbare bron die het vermeldt (URL):\n",
        "en": "Record: {id}\n\nWhat is wrong, and what should it say?\n\nPublic source that states it (URL):\n",
    },
    "report_correction": {"nl": "Meld een correctie", "en": "Report a correction"},
    "col_correction": {"nl": "Correctie", "en": "Correction"},
    "corrections_title": {"nl": "Correcties", "en": "Corrections"},
    "corrections_text": {
        "nl": "Klopt er iets niet, of ontbreekt er een band? Meld het met een openbare bron die het feit vermeldt "
        "(een raadsbesluit, een officiële pagina of betrouwbare pers). Elke band en gebeurtenis heeft een link "
        "‘Meld een correctie’; de beheerders reageren binnen 7 dagen en beslissen binnen 30. Elke wijziging staat "
        "met het record-id in de wijzigingslijst.",
        "en": "Is something wrong, or is a tie missing? Report it with a public source that states the fact (a "
        "council decision, an official page or reputable press). Every tie and event has a ‘Report a correction’ "
        "link; the maintainers answer within 7 days and decide within 30. Every change is listed by record id in "
        "the changelog.",
    },
    "filter_actor": {"nl": "Wie deed mee", "en": "Who acted"},
    "chart_actors": {
        "nl": "Wie deed mee aan de gebeurtenissen rond de banden?",
        "en": "Who acted in the events around the ties?",
    },
    "actors_subtitle": {
        "nl": "Gebeurtenissen per jaar naar soort deelnemer; een gebeurtenis telt bij elke groep die meedeed",
        "en": "Events per year by kind of actor; an event counts for every group that took part",
    },
    "actor_group_cpaffc": {"nl": "CPAFFC (vriendschapsvereniging)", "en": "CPAFFC (friendship association)"},
    "actor_group_cn_state": {"nl": "Chinese overheid en diplomatie", "en": "Chinese government and diplomats"},
    "actor_group_nl_state": {"nl": "Nederlandse overheid", "en": "Dutch government"},
    "actor_group_other": {"nl": "bedrijven, kennisinstellingen, organisaties", "en": "companies, universities, NGOs"},
    "summary_actors": {
        "nl": "Van {n} gebeurtenissen met bekende deelnemers deed de CPAFFC mee aan {cpaffc}; de Chinese overheid "
        "of diplomatie aan {cn}; de Nederlandse overheid aan {nl}.",
        "en": "Of {n} events with known actors, the CPAFFC took part in {cpaffc}, the Chinese government or "
        "diplomats in {cn}, and the Dutch government in {nl}.",
    },
    "cpaffc_involved": {"nl": "CPAFFC deed mee", "en": "CPAFFC took part"},
    "col_actors": {"nl": "Wie deed mee", "en": "Who acted"},
    "data_follows_selection": {
        "nl": "De tabellen volgen de filters bovenaan: {n} van de {total} banden. Wis de filters voor alles.",
        "en": "The tables follow the filters at the top: {n} of {total} ties. Clear the filters to see all.",
    },
    "data_pick_row": {
        "nl": "Kies een rij voor de bronnen van die band als links.",
        "en": "Select a row for the sources of that tie as links.",
    },
    "methodology_title": {"nl": "Hoe deze data tot stand komen", "en": "How this data is made"},
    "methodology_summary": {
        "nl": "Elke band en elke gebeurtenis verwijst naar minstens één openbare bron die het feit vermeldt: "
        "raadsbesluiten, gemeentelijke en provinciale pagina's, landelijke en regionale media, en pagina's van de "
        "Chinese partnersteden. Data zijn zo precies als de bron ze geeft (jaar, maand of dag) en worden nooit "
        "geraden. Elke band krijgt twee antwoorden. Zijn formele status komt alleen uit wat een bron zegt: van "
        "kracht (geen einde bekend), slapend (een bron zegt dat hij bestaat maar stilligt) of beëindigd (na een "
        "besluit, een verklaring of een door een bron genoemd verval). Hoe recent hij gebruikt is, volgt uit het "
        "laatste gedateerde teken van gebruik (bezoek, uitwisseling, ondertekening, donatie, jubileum, project): "
        "in gebruik (hooguit vijf jaar geleden), vijf tot tien jaar geleden, langer geleden, of niet gedateerd. "
        "Tegenstrijdige bronnen staan in de notities, met de gemaakte keuze. Alle teksten zijn in eigen "
        "woorden geschreven. De volledige methode, de dekking per provincie en de bronvermelding staan hieronder "
        "(in het Engels).",
        "en": "Every tie and every event cites at least one public source that states the fact: council "
        "decisions, municipal and provincial pages, national and regional media, and pages of the Chinese partner "
        "cities. Dates are as precise as the source gives them (year, month or day) and never guessed. Every tie "
        "gets two answers. Its formal standing comes only from what a source states: in force (no end known), "
        "dormant (a source says it stands but lies idle) or ended (after a decision, a statement or a lapse a "
        "source states). How recently it was used follows from its last dated sign of use (a visit, exchange, "
        "signing, donation, anniversary or project): in use (at most five years ago), five to ten years ago, "
        "longer ago, or not dated. Conflicting sources are recorded "
        "in the notes with the choice made. All texts are written in our own words. The full methodology, the "
        "coverage per province and how to cite follow below.",
    },
    "profile_status_as_of": {
        "nl": "{status} volgens een bron uit {year}",
        "en": "{status} according to a source from {year}",
    },
    "profile_kind_sister": {"nl": "een stedenband", "en": "a sister tie"},
    "profile_kind_friendly_exchange": {
        "nl": "een vriendschaps- of samenwerkingsrelatie",
        "en": "a friendly-exchange tie",
    },
    "profile_kind_memorandum": {"nl": "een intentieverklaring", "en": "a letter of intent"},
    "profile_kind_informal": {"nl": "een informele band", "en": "an informal tie"},
    "profile_clause": {
        "nl": "{kind} met {partner} ({period}, {status})",
        "en": "{kind} with {partner} ({period}, {status})",
    },
    "profile_none": {
        "nl": "Voor {name} is geen band met een Chinese stad of provincie bekend.",
        "en": "No tie between {name} and a Chinese city or province is known.",
    },
    "profile_sentence_nl": {
        "nl": "{name} {verb} {count} met China: {ties}.",
        "en": "{name} {verb} {count} with China: {ties}.",
    },
    "profile_sentence_cn": {
        "nl": "{name} {verb} {count} met Nederland: {ties}.",
        "en": "{name} {verb} {count} with the Netherlands: {ties}.",
    },
    "profile_municipal": {
        "nl": "Daarnaast hebben {n} gemeenten in de provincie samen {ties} banden.",
        "en": "Besides, {n} municipalities in the province have {ties} ties between them.",
    },
    "profile_comparison": {
        "nl": "Met {n} banden (provincie {own}, gemeenten {municipal}, in {municipalities} gemeenten) staat {name} "
        "op plaats {rank} van de twaalf provincies; de mediaan is {median}.",
        "en": "With {n} ties (province {own}, municipalities {municipal}, in {municipalities} municipalities) {name} "
        "ranks {rank} of the twelve provinces; the median is {median}.",
    },
    "shared_rank": {"nl": " (gedeeld)", "en": " (shared)"},
    "and": {"nl": "en", "en": "and"},
    "has": {"nl": "heeft", "en": "has"},
    "had": {"nl": "had", "en": "had"},
    "one_tie": {"nl": "één bekende band", "en": "one known tie"},
    "n_ties": {"nl": "{n} banden", "en": "{n} ties"},
    "n_ties_one": {"nl": "1 band", "en": "1 tie"},
    "n_known_ties": {"nl": "{n} bekende banden", "en": "{n} known ties"},
    "n_places": {"nl": "{n} plaatsen", "en": "{n} places"},
    "n_places_one": {"nl": "1 plaats", "en": "1 place"},
    "through_time_title": {
        "nl": "Stedenbanden NL–CN door de jaren, {first}–{last}",
        "en": "Sister cities NL–CN through the years, {first}–{last}",
    },
    "through_time_panels_title": {
        "nl": "Stedenbanden NL–CN in {years}",
        "en": "Sister cities NL–CN in {years}",
    },
    "through_time_subtitle": {
        "nl": "Elk jaar de Nederlandse gemeenten en provincies met een band met een Chinese partner, "
        "zoals de bronnen begin en einde dateren.",
        "en": "Each year the Dutch municipalities and provinces with a tie to a Chinese partner, "
        "as the sources date its start and end.",
    },
    "through_time_legend": {"nl": "Band in dat jaar", "en": "Tie that year"},
    "through_time_page": {"nl": "De kaart door de jaren", "en": "The map through the years"},
    "through_time_lead": {
        "nl": "Waar Nederlandse gemeenten en provincies een band met een Chinese partner hadden, jaar voor jaar "
        "van {first} tot {last}: als animatie en als vijf kaartjes naast elkaar, om te downloaden en in te sluiten.",
        "en": "Where Dutch municipalities and provinces had a tie to a Chinese partner, year by year from {first} "
        "to {last}: as an animation and as five small maps side by side, to download and embed.",
    },
    "through_time_rule": {
        "nl": "Een band staat op de kaart van het jaar waarin hij begon tot en met het jaar waarin hij eindigde. "
        "Is alleen bekend dat hij tussen twee data begon, dan is hij tot het laatste jaar daarvan 'misschien al "
        "begonnen'. Is hij beëindigd maar niet bekend wanneer, dan staat hij na zijn laatste gedateerde gebruik "
        "als 'beëindigd, jaar onbekend'. Banden zonder bekend begin ({n}) staan op geen enkele jaarkaart, wel op "
        "de kaart van vandaag.",
        "en": "A tie is on the map from the year it began up to and including the year it ended. If it is only "
        "known to have begun between two dates, it is 'perhaps begun' until the last year of that span. If it "
        "ended but nobody knows when, it shows as 'ended, year unknown' after its last dated use. Ties without a "
        "known start ({n}) are on no year's map, but on today's.",
    },
    "through_time_animation": {"nl": "Jaar voor jaar", "en": "Year by year"},
    "through_time_panels": {"nl": "Vijf jaren naast elkaar", "en": "Five years side by side"},
    "through_time_button": {"nl": "Kaart door de jaren", "en": "Map through the years"},
    "through_time_download_animation": {"nl": "Animatie ({fmt})", "en": "Animation ({fmt})"},
    "through_time_download_panels": {"nl": "Vijf jaren naast elkaar ({fmt})", "en": "Five years side by side ({fmt})"},
    "through_time_downloads_help": {
        "nl": "De Nederlandse kaart jaar voor jaar, {first}–{last}, met alle banden (niet de selectie): als "
        "animatie en als vijf kaartjes naast elkaar. Banden zonder bekend begin staan er niet op.",
        "en": "The Dutch map year by year, {first}–{last}, with all ties (not the selection): as an animation "
        "and as five small maps side by side. Ties without a known start are not on it.",
    },
    "embed_help_image": {
        "nl": "Plak deze code in een artikel of webpagina: het beeld zelf, met zijn beschrijving voor "
        "schermlezers en een link terug naar deze site.",
        "en": "Paste this code into an article or web page: the image itself, with its description for screen "
        "readers and a link back to this site.",
    },
    "through_time_alt": {
        "nl": "Geanimeerde kaart van Nederland, jaar voor jaar van {first} tot {last} ({first}: {start}; {last}: "
        "{end}). Banden zonder bekend begin ({n}) staan er niet op.",
        "en": "Animated map of the Netherlands, year by year from {first} to {last} ({first}: {start}; {last}: "
        "{end}). Ties without a known start ({n}) are not on it.",
    },
    "through_time_panels_alt": {
        "nl": "Vijf kaartjes van Nederland naast elkaar, {counts}. Banden zonder bekend begin ({n}) staan er niet op.",
        "en": "Five small maps of the Netherlands side by side, {counts}. Ties without a known start ({n}) are "
        "not on them.",
    },
    "through_time_in_year": {"nl": "{year}: {what}", "en": "{year}: {what}"},
    "through_time_note": {
        "nl": "Een plaats met meer banden toont de levendigste. Begon een band ergens tussen twee data, dan is "
        "hij tot het laatste jaar daarvan 'misschien al begonnen'. Banden zonder bekend begin ({n}) staan niet "
        "op de kaart.",
        "en": "A place with several ties shows the liveliest. A tie that began somewhere between two dates is "
        "'perhaps begun' until the last year of that span. Ties without a known start ({n}) are not on the map.",
    },
    "profile_search": {
        "nl": "Zoek een gemeente, provincie of Chinese partner",
        "en": "Search a municipality, province or Chinese partner",
    },
    "home_search": {
        "nl": "Zoek uw gemeente of provincie, of een Chinese partner",
        "en": "Look up your municipality or province, or a Chinese partner",
    },
    "open_menu": {"nl": "Menu", "en": "Menu"},
    "what_is_a_tie": {"nl": "Wat is een band?", "en": "What is a tie?"},
    "profile_search_help": {
        "nl": "Naam in het Nederlands of Engels, of Chinees in Hanzi of pinyin; spelfouten en accenten mogen.",
        "en": "Name in Dutch or English, or Chinese in Hanzi or pinyin; typos and missing accents are fine.",
    },
    "profile_no_results": {"nl": "Geen plaats gevonden voor deze zoekterm.", "en": "No place found for this search."},
    "profile_unknown_place": {
        "nl": "Er is geen plaats met de code ‘{code}’. Zoek hieronder een gemeente, provincie of Chinese partner.",
        "en": "There is no place with the code ‘{code}’. Search a municipality, province or Chinese partner below.",
    },
    "profile_ignores_filters": {
        "nl": "Dit profiel toont alle bekende banden van deze plaats; de filters gelden hier niet.",
        "en": "This profile shows every known tie of this place; the filters do not apply here.",
    },
    "profile_none_meaning": {
        "nl": "‘Geen bekende band’ betekent dat de bronnen die wij doorzochten (landelijke overzichten, nieuws, "
        "gemeentelijke en Chinese bronnen) er geen noemen; het is geen bewijs dat er nooit contact was.",
        "en": "‘No known tie’ means that the sources we searched (national inventories, news, municipal and Chinese "
        "sources) name none; it is not proof that there was never any contact.",
    },
    "profile_report": {
        "nl": "Weet u van een band die hier ontbreekt? Meld het met een openbare bron; zie ‘Data & bronnen’.",
        "en": "Do you know of a tie that is missing here? Report it with a public source; see ‘Data & sources’.",
    },
    "profile_in_province": {"nl": "Ligt in de provincie", "en": "Lies in the province of"},
    "profile_ties": {"nl": "Banden", "en": "Ties"},
    "profile_events": {"nl": "Gebeurtenissen", "en": "Events"},
    "profile_sources": {"nl": "Bronnen", "en": "Sources"},
    "profile_map": {"nl": "Kaart van de banden", "en": "Map of the ties"},
    "profile_municipal_ties": {
        "nl": "Gemeenten in de provincie met banden",
        "en": "Municipalities in the province with ties",
    },
    "profile_compare": {"nl": "Vergelijking met de andere provincies", "en": "Compared with the other provinces"},
    "open_profile": {"nl": "Profiel van {name}", "en": "Profile of {name}"},
    "compare_title": {"nl": "De twaalf provincies vergeleken", "en": "The twelve provinces compared"},
    "compare_events_title": {
        "nl": "Gebeurtenissen per provincie, naar soort",
        "en": "Events per province, by kind",
    },
    "compare_intro": {
        "nl": "Banden van de provincie zelf en van haar gemeenten, naar stand en gebruik, en hun gebeurtenissen "
        "naar soort. Klik op een provincie voor haar profiel, of zoek hierboven een plaats.",
        "en": "Ties of each province itself and of its municipalities, by standing and use, and their events by "
        "kind. Open a province for its profile, or search a place above.",
    },
    "chart_compare": {"nl": "Banden met China per provincie", "en": "Ties with China per province"},
    "compare_subtitle": {
        "nl": "Banden van provincie en gemeenten samen, naar huidige status",
        "en": "Ties of province and municipalities together, by current status",
    },
    "summary_compare": {
        "nl": "{top} heeft de meeste banden ({n}); {ended} van alle {total} banden zijn beëindigd.",
        "en": "{top} has the most ties ({n}); {ended} of all {total} ties have ended.",
    },
    "summary_compare_selected": {
        "nl": "{name}: {ties}, plaats {rank} van 12.",
        "en": "{name}: {ties}, rank {rank} of 12.",
    },
    "col_province": {"nl": "Provincie", "en": "Province"},
    "col_own": {"nl": "Provincie zelf", "en": "Province itself"},
    "col_municipal": {"nl": "Gemeenten", "en": "Municipalities"},
    "col_municipal_places": {"nl": "Gemeenten met band", "en": "Municipalities with a tie"},
    "col_total": {"nl": "Totaal", "en": "Total"},
    "col_first": {"nl": "Eerste band", "en": "First tie"},
    "col_latest": {"nl": "Laatste nieuwe band", "en": "Latest new tie"},
    "col_profile": {"nl": "Profiel", "en": "Profile"},
    "selection_province": {"nl": "Selectie: {summary}.", "en": "Selection: {summary}."},
    "map_intro": {
        "nl": "Een band is een afspraak tussen een Nederlandse gemeente of provincie en een Chinese stad of provincie: "
        "een stedenband, een vriendschaps- of samenwerkingsrelatie, een intentieverklaring, of een informele band "
        "zonder getekende afspraak. Een band blijft van kracht tot een bron een einde meldt (een besluit, een "
        "verklaring of het aflopen van de afspraak); hij heet slapend als een bron zegt dat hij stilligt. De kleur van "
        "een symbool zegt hoe lang het laatste gedateerde gebruik geleden is; de vorm zegt de status. "
        "De kleur van een provincie telt de banden van de provincie en haar gemeenten in de selectie.",
        "en": "A tie is an arrangement between a Dutch municipality or province and a Chinese city or province: "
        "a sister tie, a friendly-exchange tie, a letter of intent, or an informal tie with no signed agreement. "
        "A tie stays in force until a source reports its end (a decision, a statement or the agreement running "
        "out), or dormant when a source says it lies idle. A symbol's colour says how long ago its last dated use "
        "was; its shape says the standing. A province's shade counts the ties of the province "
        "and its municipalities in the selection.",
    },
    "map_intro_links": {
        "nl": "Data versie {version}. Zoek uw gemeente in de profielen, of bekijk alle data en bronnen.",
        "en": "Data version {version}. Look up your municipality in the profiles, or see all data and sources.",
    },
    "municipality_label": {"nl": "{name} (gemeente) · {province}", "en": "{name} (municipality) · {province}"},
    "skip_map": {
        "nl": "Sla de kaart over: naar de tabel",
        "en": "Skip the map: to the table",
    },
    "map_table": {"nl": "De kaart als tabel", "en": "The map as a table"},
    "map_table_intro": {
        "nl": "Alle banden die de kaart nu toont, met partner, soort, jaren en status.",
        "en": "Every tie the map shows now, with partner, kind, years and status.",
    },
    "map_table_caption": {"nl": "Banden op de kaart ({n})", "en": "Ties on the map ({n})"},
    "download_map_table": {"nl": "Download deze tabel (CSV)", "en": "Download this table (CSV)"},
    "map_keys": {
        "nl": "Toetsenbord: Tab gaat de kaart in en naar de plaatsen, pijltjestoetsen springen naar de dichtstbijzijnde"
        " plaats in die richting, Enter opent er een, Escape sluit. Scrollen zoomt pas na een klik op de kaart.",
        "en": "Keyboard: Tab enters the map and then the places, arrow keys jump to the nearest place in that "
        "direction, Enter opens one, Escape closes it. Scrolling zooms only after a click on the map.",
    },
    "map_region": {
        "nl": "Kaart. Pijltjestoetsen verschuiven, plus en min zoomen; Tab gaat naar de plaatsen, "
        "waar pijltjestoetsen van plaats naar plaats springen.",
        "en": "Map. Arrow keys pan, plus and minus zoom; Tab goes to the places, "
        "where arrow keys jump from place to place.",
    },
    "skip_map_inside": {"nl": "Sla de kaart over", "en": "Skip the map"},
    "map_end": {"nl": "Einde van de kaart", "en": "End of the map"},
    "zoom_in": {"nl": "Inzoomen", "en": "Zoom in"},
    "zoom_out": {"nl": "Uitzoomen", "en": "Zoom out"},
    "legend_toggle": {"nl": "Legenda", "en": "Key"},
    "map_credits_toggle": {"nl": "Bronvermelding van de kaart", "en": "Map credits"},
    "view": {"nl": "Kaart", "en": "Map"},
    "view_nl": {"nl": "Nederland", "en": "Netherlands"},
    "view_cn": {"nl": "Nederland–China", "en": "Netherlands–China"},
    "selection_empty": {
        "nl": "Geen banden in deze selectie. Verruim de filters bovenaan.",
        "en": "No ties in this selection. Widen the filters at the top.",
    },
    "site_provinces": {"nl": "Provincies", "en": "Provinces"},
    "site_places": {"nl": "Plaatsen A–Z", "en": "Places A–Z"},
    "site_in_app": {"nl": "Verken in de app", "en": "Explore in the app"},
    "site_skip": {"nl": "Naar de inhoud", "en": "Skip to content"},
    "site_nav": {"nl": "Hoofdmenu", "en": "Main menu"},
    "site_footer": {
        "nl": "Stedenbanden NL–CN, data versie {version} (CC BY 4.0). Grenzen: CBS / Kadaster, CC BY 4.0. "
        "Wereldkaart: Natural Earth.",
        "en": "Sister cities NL–CN, data version {version} (CC BY 4.0). Boundaries: CBS / Kadaster, CC BY 4.0. "
        "World map: Natural Earth.",
    },
    "col_selected": {"nl": "In selectie", "en": "Selected"},
    "compare_sort": {"nl": "Sorteer op", "en": "Sort by"},
    "events_row_hint": {
        "nl": "Met het toetsenbord: ga naar de tabel, kies een cel met de pijltjes en druk Shift+Spatie om de rij "
        "te kiezen.",
        "en": "With a keyboard: move into the table, pick a cell with the arrow keys and press Shift+Space to "
        "select its row.",
    },
    "site_public_page": {"nl": "Deze pagina op de publieke site", "en": "This page on the public site"},
    "site_cn_view": {"nl": "Bekijk de banden op de kaart van China", "en": "See the ties on the map of China"},
    "site_what_is_a_tie": {"nl": "Wat is een band?", "en": "What is a tie?"},
    "site_search": {
        "nl": "Zoek een gemeente, provincie of Chinese partner",
        "en": "Search a municipality, province or Chinese partner",
    },
    "site_search_found": {"nl": "{n} gevonden", "en": "{n} found"},
    "site_search_none": {"nl": "Niets gevonden", "en": "Nothing found"},
    "site_az": {"nl": "Alle plaatsen van A tot Z", "en": "All places from A to Z"},
    "site_az_description": {
        "nl": "Elke Nederlandse gemeente en provincie en elke Chinese partner, met hun banden.",
        "en": "Every Dutch municipality and province and every Chinese partner, with their ties.",
    },
    "site_events_intro": {
        "nl": "Alle gebeurtenissen rond de banden, met nationale en internationale context, nieuwste eerst.",
        "en": "Every event around the ties, with national and international context, newest first.",
    },
    "site_cpaffc_title": {"nl": "Wat deed de CPAFFC?", "en": "What did the CPAFFC do?"},
    "site_cpaffc_intro": {
        "nl": "De Chinese vriendschapsvereniging CPAFFC coördineert de stedenbanden van China. "
        "{n} gebeurtenissen in de data noemen haar als deelnemer.",
        "en": "The Chinese friendship association CPAFFC coordinates China's sister-city ties. "
        "{n} events in the data name it as taking part.",
    },
    "site_data_intro": {
        "nl": "De volledige data als open data package: banden, gebeurtenissen, plaatsen en bronnen.",
        "en": "The full data as an open data package: ties, events, places and sources.",
    },
    "events_none": {
        "nl": "Geen gebeurtenissen in deze selectie. Verruim de filters hierboven.",
        "en": "No events in this selection. Widen the filters above.",
    },
    "selected_place": {"nl": "Geselecteerd: {name}", "en": "Selected: {name}"},
    "permalink": {"nl": "Link naar deze weergave", "en": "Link to this view"},
    "world_credit": {"nl": "Wereldkaart: Natural Earth", "en": "World map: Natural Earth"},
    "page_timeline": {"nl": "Tijdlijn", "en": "Timeline"},
    "timeline_intro": {
        "nl": "Wanneer de banden begonnen en eindigden, hoeveel er per jaar stonden, en het verloop van elke band.",
        "en": "When the ties began and ended, how many stood each year, and the course of each tie.",
    },
    "page_events": {"nl": "Gebeurtenissen", "en": "Events"},
    "all_of_nl": {"nl": "Heel Nederland", "en": "All of the Netherlands"},
    "source_line": {
        "nl": "Bron: Stedenbanden NL–CN, data {version} (CC BY 4.0)",
        "en": "Source: Stedenbanden NL–CN, data {version} (CC BY 4.0)",
    },
    "based_on": {"nl": "o.a. op basis van", "en": "based on, among others,"},
    "begun": {"nl": "Begonnen", "en": "Begun"},
    "ended": {"nl": "Beëindigd", "en": "Ended"},
    "ties_per_year": {"nl": "Banden per jaar (beëindigd omlaag)", "en": "Ties per year (ended downwards)"},
    "ties_standing": {"nl": "Banden die bestonden", "en": "Ties standing"},
    "events_per_year": {"nl": "Gebeurtenissen per jaar", "en": "Events per year"},
    "unknown_start_not_shown": {
        "nl": "{n} banden met onbekend beginjaar niet getoond",
        "en": "{n} ties with an unknown start year not shown",
    },
    "chart_begun_ended": {
        "nl": "Nieuwe en beëindigde banden met China per jaar",
        "en": "Ties with China begun and ended per year",
    },
    "chart_standing": {"nl": "Hoeveel banden met China bestonden er?", "en": "How many ties with China stood?"},
    "chart_lifetimes": {"nl": "Looptijd van elke band, met gebeurtenissen", "en": "Lifetime of each tie, with events"},
    "chart_events": {"nl": "Gebeurtenissen rond de banden per jaar", "en": "Events around the ties per year"},
    "now": {"nl": "nu: {state}", "en": "now: {state}"},
    "summary_begun_ended": {
        "nl": "In {period} begonnen {begun} banden met een bekend beginjaar en eindigden er {ended}; "
        "{unknown} banden hebben geen bekend beginjaar.",
        "en": "In {period}, {begun} ties with a known start year began and {ended} ended; "
        "{unknown} ties have no known start year.",
    },
    "summary_peak": {
        "nl": "De meeste banden eindigden in {year} ({n}).",
        "en": "Most ties ended in {year} ({n}).",
    },
    "summary_standing": {
        "nl": "Het hoogste aantal banden dat tegelijk bestond was {peak} (in {year}); in {last} waren het er {now}.",
        "en": "At most {peak} ties stood at once (in {year}); in {last} there were {now}.",
    },
    "summary_lifetimes": {"nl": "{ties}{unknown}, met {events}.", "en": "{ties}{unknown}, with {events}."},
    "lifetimes_unknown": {
        "nl": ", waarvan {n} met onbekend begin (gestippeld vanaf de eerste gedateerde bron)",
        "en": ", {n} of them with an unknown start (dotted from the first dated source)",
    },
    "lifetimes_unknown_all": {
        "nl": ", met onbekend begin (gestippeld vanaf de eerste gedateerde bron)",
        "en": ", with an unknown start (dotted from the first dated source)",
    },
    "n_events": {"nl": "{n} gebeurtenissen", "en": "{n} events"},
    "n_events_one": {"nl": "1 gebeurtenis", "en": "1 event"},
    "summary_events": {
        "nl": "{n} gebeurtenissen; het drukste jaar was {year} met {peak}.",
        "en": "{n} events; the busiest year was {year} with {peak}.",
    },
    "group_ties": {"nl": "ondertekening, jubileum", "en": "signing, anniversary"},
    "group_contacts": {"nl": "bezoek, missie, conferentie", "en": "visit, mission, conference"},
    "group_gifts": {"nl": "donatie, geschenk, onderscheiding", "en": "donation, gift, award"},
    "group_politics": {"nl": "motie, beëindiging", "en": "motion, termination"},
    "group_context": {"nl": "beleid, publicatie, overig", "en": "policy, publication, other"},
    "dotted_start": {"nl": "stippel: begin onbekend", "en": "dotted: start unknown"},
    "chart_data": {"nl": "Data van deze grafiek (CSV)", "en": "Data of this chart (CSV)"},
    "chart_table": {"nl": "Tabel bij deze grafiek", "en": "Table for this chart"},
    "export_format": {"nl": "Downloadformaat (cameraknop)", "en": "Download format (camera button)"},
    "export_help": {
        "nl": "De cameraknop boven elke grafiek slaat hem op als PNG of SVG van 1200 × 675 (PNG op dubbele resolutie).",
        "en": "The camera button above each chart saves it as PNG or SVG of 1200 × 675 (PNG at double resolution).",
    },
    "filter_event_type": {"nl": "Soort gebeurtenis", "en": "Kind of event"},
    "filter_direction": {"nl": "Richting", "en": "Direction"},
    "direction_nl_to_cn": {"nl": "Nederland → China", "en": "Netherlands → China"},
    "direction_cn_to_nl": {"nl": "China → Nederland", "en": "China → Netherlands"},
    "direction_mutual": {"nl": "wederzijds", "en": "mutual"},
    "events_intro": {
        "nl": "Gebeurtenissen bij de banden in de selectie, plus nationale en internationale context. "
        "Kies een rij voor de volledige samenvatting en bronnen.",
        "en": "Events of the ties in the selection, plus national and international context. "
        "Select a row for the full summary and sources.",
    },
    "include_context": {
        "nl": "Context tonen (landelijk en internationaal)",
        "en": "Show context (national and international)",
    },
    "amounts": {"nl": "Donaties en geschenken met bekend bedrag", "en": "Donations and gifts with a known amount"},
    "no_amounts": {
        "nl": "Voor geen enkele donatie of geschenk in deze selectie noemt een bron een bedrag.",
        "en": "No source states an amount for any donation or gift in this selection.",
    },
    "col_amount": {"nl": "Bedrag", "en": "Amount"},
    "col_currency": {"nl": "Valuta", "en": "Currency"},
    "col_direction": {"nl": "Richting", "en": "Direction"},
    "context": {"nl": "context", "en": "context"},
    "event_details": {"nl": "Details", "en": "Details"},
    "legend_title": {"nl": "Stand en gebruik", "en": "Standing and use"},
    "since": {"nl": "sinds", "en": "since"},
    "until": {"nl": "tot", "en": "until"},
    "start_unknown": {"nl": "begin onbekend", "en": "start unknown"},
    "status_as_of": {"nl": "stand per", "en": "as of"},
    "sources": {"nl": "Bronnen", "en": "Sources"},
    "source": {"nl": "bron", "en": "source"},
    "ties_of": {"nl": "Banden van {name}", "en": "Ties of {name}"},
    "key_ties": {"nl": "Banden", "en": "Ties"},
    "key_active": {"nl": "In gebruik (≤ 5 jaar)", "en": "In use (≤ 5 years)"},
    "key_in_force": {"nl": "Niet beëindigd", "en": "Not ended"},
    "key_ended_since_2021": {"nl": "Beëindigd sinds 2021", "en": "Ended since 2021"},
    "key_nl_places": {"nl": "Nederlandse overheden", "en": "Dutch authorities"},
    "key_cn_places": {"nl": "Chinese partners", "en": "Chinese partners"},
    "map_caption": {
        "nl": "Elk symbool is een Nederlandse gemeente of provincie met een (voormalige) band; "
        "klik voor partners en bronnen.",
        "en": "Each symbol is a Dutch municipality or province with a (former) tie; click for partners and sources.",
    },
    "tiles_credit_pdok": {
        "nl": "Achtergrond: PDOK BRT-Achtergrondkaart (Kadaster), CC BY 4.0",
        "en": "Basemap: PDOK BRT-Achtergrondkaart (Kadaster), CC BY 4.0",
    },
    "boundaries_credit": {
        "nl": "Grenzen: CBS / Kadaster (PDOK), CC BY 4.0",
        "en": "Boundaries: CBS / Kadaster (PDOK), CC BY 4.0",
    },
    "data_error": {
        "nl": "De data bevat fouten en kan niet worden getoond. Meld dit aan de beheerders:",
        "en": "The data contains errors and cannot be shown. Please report this to the maintainers:",
    },
    "data_intro": {
        "nl": "Alle banden in één tabel. Elke rij verwijst naar bronnen die het feit vermelden.",
        "en": "All ties in one table. Each row cites sources that state the fact.",
    },
    "download_ties_csv": {"nl": "Download banden (CSV)", "en": "Download ties (CSV)"},
    "col_nl_place": {"nl": "Nederlandse partner", "en": "Dutch partner"},
    "col_cn_place": {"nl": "Chinese partner", "en": "Chinese partner"},
    "col_name_zh": {"nl": "Chinees", "en": "Chinese"},
    "col_relation": {"nl": "Soort band", "en": "Kind of tie"},
    "col_started": {"nl": "Begin", "en": "Start"},
    "col_ended": {"nl": "Einde", "en": "End"},
    "col_status": {"nl": "Status", "en": "Status"},
    "col_status_as_of": {"nl": "Stand per", "en": "As of"},
    "col_sources": {"nl": "Bronnen", "en": "Sources"},
    "col_date": {"nl": "Datum", "en": "Date"},
    "col_source": {"nl": "Bron", "en": "Source"},
    "col_type": {"nl": "Soort", "en": "Type"},
    "col_summary": {"nl": "Samenvatting", "en": "Summary"},
    "actor_cpaffc": {"nl": "CPAFFC (Chinese vriendschapsvereniging)", "en": "CPAFFC (Chinese friendship association)"},
    "actor_cn_diplomatic": {"nl": "Chinese diplomatieke post", "en": "Chinese diplomatic post"},
    "actor_cn_national_government": {"nl": "Chinese centrale overheid", "en": "Chinese central government"},
    "actor_cn_local_government": {"nl": "Chinese lokale overheid", "en": "Chinese local government"},
    "actor_nl_municipality": {"nl": "Nederlandse gemeente", "en": "Dutch municipality"},
    "actor_nl_province": {"nl": "Nederlandse provincie", "en": "Dutch province"},
    "actor_nl_national_government": {"nl": "Nederlandse rijksoverheid", "en": "Dutch national government"},
    "actor_company": {"nl": "bedrijf", "en": "company"},
    "actor_university": {"nl": "universiteit of kennisinstelling", "en": "university or research institute"},
    "actor_civil_society": {"nl": "maatschappelijke organisatie", "en": "civil society"},
    "event_award": {"nl": "onderscheiding", "en": "award"},
    "event_donation": {"nl": "donatie", "en": "donation"},
    "event_gift": {"nl": "geschenk", "en": "gift"},
    "event_visit": {"nl": "bezoek", "en": "visit"},
    "event_trade_mission": {"nl": "handelsmissie", "en": "trade mission"},
    "event_agreement_signed": {"nl": "ondertekening", "en": "agreement signed"},
    "event_anniversary": {"nl": "jubileum", "en": "anniversary"},
    "event_council_motion": {"nl": "motie / raadsbesluit", "en": "council motion"},
    "event_termination": {"nl": "beëindiging", "en": "termination"},
    "event_suspension": {"nl": "opschorting", "en": "suspension"},
    "event_conference": {"nl": "conferentie", "en": "conference"},
    "event_exchange": {"nl": "uitwisseling of gezamenlijk project", "en": "exchange or joint project"},
    "end_basis_decision": {"nl": "besluit", "en": "decision"},
    "end_basis_statement": {"nl": "verklaring, besluit niet gezien", "en": "statement, decision not seen"},
    "end_basis_lapse": {"nl": "verlopen", "en": "lapsed"},
    "event_exhibition": {"nl": "tentoonstelling", "en": "exhibition"},
    "event_report_published": {"nl": "publicatie", "en": "report published"},
    "event_policy": {"nl": "beleid", "en": "policy"},
    "event_other": {"nl": "overig", "en": "other"},
    "event_listed": {"nl": "op partnerlijst", "en": "partner list"},
    "listed_in": {"nl": "op de partnerlijst in {year}", "en": "listed as a partner in {year}"},
    "events": {"nl": "Gebeurtenissen", "en": "Events"},
    "ties": {"nl": "Banden", "en": "Ties"},
    "downloads": {"nl": "Downloads", "en": "Downloads"},
    "download_events_csv": {"nl": "Download gebeurtenissen (CSV)", "en": "Download events (CSV)"},
    "download_geojson": {"nl": "Download banden als GeoJSON", "en": "Download ties as GeoJSON"},
    "download_package": {"nl": "Download het datapakket (zip)", "en": "Download the data package (zip)"},
    "methodology": {
        "nl": "Volledige methode, dekking en bronvermelding (Engels)",
        "en": "Full methodology, coverage and how to cite",
    },
    "changelog": {"nl": "Wijzigingen in de data (Engels)", "en": "Changes to the data"},
    "col_last_evidence": {"nl": "Laatste teken van gebruik", "en": "Last sign of use"},
    "col_use": {"nl": "Gebruik", "en": "Use"},
    "last_evidence": {"nl": "laatste teken van gebruik: {when}", "en": "last sign of use: {when}"},
    "last_evidence_none": {"nl": "geen gedateerd teken van gebruik", "en": "no dated sign of use"},
    "last_evidence_start": {"nl": "begin van de band", "en": "start of the tie"},
    "profile_status_in_force": {"nl": "van kracht, {use}", "en": "in force, {use}"},
    "silent_since_legend": {"nl": "stil sinds het laatste teken van leven", "en": "silent since the last sign of life"},
    "silent_since": {"nl": "stil sinds {when}", "en": "silent since {when}"},
    "month_1": {"nl": "januari", "en": "January"},
    "month_2": {"nl": "februari", "en": "February"},
    "month_3": {"nl": "maart", "en": "March"},
    "month_4": {"nl": "april", "en": "April"},
    "month_5": {"nl": "mei", "en": "May"},
    "month_6": {"nl": "juni", "en": "June"},
    "month_7": {"nl": "juli", "en": "July"},
    "month_8": {"nl": "augustus", "en": "August"},
    "month_9": {"nl": "september", "en": "September"},
    "month_10": {"nl": "oktober", "en": "October"},
    "month_11": {"nl": "november", "en": "November"},
    "month_12": {"nl": "december", "en": "December"},
    "col_publisher": {"nl": "Uitgever", "en": "Publisher"},
    "col_title": {"nl": "Titel", "en": "Title"},
    "col_published": {"nl": "Gepubliceerd", "en": "Published"},
    "licence_note": {
        "nl": "Data: CC BY 4.0, Stedenbanden NL–CN. Code: MIT.",
        "en": "Data: CC BY 4.0, Stedenbanden NL–CN. Code: MIT.",
    },
}


def t(key: str, lang: Lang, **values: str) -> str:
    """The string for `key` in `lang`, with {placeholders} filled in."""
    text = STRINGS[key][lang]
    return text.format(**values) if values else text


def label(kind: str, value: str, lang: Lang) -> str:
    """Human label of an enum value, e.g. label('status', 'ended', 'nl') -> 'beëindigd'."""
    return t(f"{kind}_{value}", lang)


def parse_lang(value: object) -> Lang:
    """A language from a URL value; anything unexpected falls back to Dutch."""
    return value if value in LANGS else DEFAULT_LANG  # type: ignore[return-value]


# CJK ideographs (with extensions and compatibility forms), their radicals and punctuation, and fullwidth forms
_CHINESE = "\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
# a run goes on over spaces, digits and ASCII punctuation between Chinese characters ("访问江苏: 8次")
_CHINESE_RUN = re.compile(f"[{_CHINESE}]+(?:[\\s\\d!-/:-@\\[-`{{-~]+[{_CHINESE}]+)*")


def language_runs(text: object) -> list[tuple[str, str]]:
    """`text` cut where it turns Chinese and back: ("常州市", "zh") for a run of Chinese, (text, "") for the
    rest, which is in the page's language. A screen reader reads a run in the language its element names
    (WCAG 3.1.2, language of parts), so a Chinese name inside a Dutch page is marked; Dutch and English text
    has no Chinese characters, so the runs need no data beyond the text."""
    text = "" if text is None else str(text)
    runs: list[tuple[str, str]] = []
    end = 0
    for match in _CHINESE_RUN.finditer(text):
        if match.start() > end:
            runs.append((text[end : match.start()], ""))
        runs.append((match.group(), "zh"))
        end = match.end()
    if end < len(text):
        runs.append((text[end:], ""))
    return runs
